// pass-mark.js — the one pass rule: the certificate, the host messages and the SCORM report all decide "passed"
// here, so a score right at the pass mark cannot pass in one and fail in another (they rounded differently).
//
//   passState(correct, total, passMark) -> { percent, passed }   percent unrounded; passed null without a mark

/** Percent of the checks right on the first try, and whether it reaches `passMark` (a percent, or null). */
export function passState(correct, total, passMark) {
  const percent = total ? (100 * correct) / total : 0;
  // The tolerance absorbs the float error of a percent computed from counts (e.g. 7/12 against 58.333…).
  const passed = passMark === null || passMark === undefined ? null : percent >= passMark - 1e-9;
  return { percent, passed };
}

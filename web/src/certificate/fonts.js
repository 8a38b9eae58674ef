// Which shipped font draws each character of the certificate, and loading only those fonts.
//
// The fonts are built by scripts/build-fonts.mjs into fonts/ beside the page: two small fixed-text subsets
// (Regular and Bold) and Noto Sans Bold slices for every script a name may use (index.json lists what each
// file covers; each CJK family has its own list, fetched only for a name that needs it).
// Han characters are shared by Chinese, Japanese and Korean but drawn differently in each: a name with kana is
// set in the Japanese font, with hangul in the Korean one; otherwise the learner's browser languages choose
// (zh-TW/zh-HK/zh-Hant → Traditional Chinese, ja → Japanese, ko → Korean), and Simplified Chinese by default.
//
//   decodeCover(list) -> [[first, last], …]          the build script's compact code point list
//   cjkOrder(text, languages) -> ['jp', 'sc', …]     the CJK families to try, best first
//   pickFonts(text, candidates) -> (font | null)[]   one font per UTF-16 unit of text (null: none covers it)
//   createFontSource(fetchBytes) -> { candidates(text, weight), bytes(file) }

/** [start, length, gap, length, …] → inclusive ranges. */
export function decodeCover(list) {
  const ranges = [];
  let next = 0;
  for (let i = 0; i < list.length; i += 2) {
    const first = next + list[i];
    ranges.push([first, first + list[i + 1] - 1]);
    next = first + list[i + 1];
  }
  return ranges;
}

/** Whether sorted ranges contain code point cp (binary search). */
export function covers(ranges, cp) {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

/** The CJK families to try for text, best first (see the header). */
export function cjkOrder(text, languages = []) {
  const byLanguage = (languages || [])
    .map((lang) => String(lang).toLowerCase())
    .map((lang) => {
      if (/^zh-(tw|hk|mo|hant)/.test(lang)) return 'tc';
      if (lang.startsWith('zh')) return 'sc';
      if (lang.startsWith('ja')) return 'jp';
      if (lang.startsWith('ko')) return 'kr';
      return null;
    })
    .filter(Boolean);
  const first = KANA.test(text) ? ['jp'] : HANGUL.test(text) ? ['kr'] : [];
  return [...new Set([...first, ...byLanguage, 'sc', 'tc', 'jp', 'kr'])];
}

/**
 * One font per UTF-16 unit, so that runs are few and long (kerning and Arabic joining work only inside a run):
 * a word stays in the font of the text before it when that font has all of it, else goes whole to the first
 * candidate that has all of it; only a word no single font has is split per character. Spaces stay in the
 * font before them when it has them.
 */
export function pickFonts(text, candidates) {
  const picks = new Array(text.length).fill(null);
  let previous = null;
  let at = 0;
  for (const part of text.split(/(\s+)/u)) {
    const cps = [...part].map((ch) => ch.codePointAt(0));
    const hasAll = (font) => font && cps.every((cp) => covers(font.ranges, cp));
    const whole = hasAll(previous) ? previous : candidates.find(hasAll);
    for (const ch of part) {
      const cp = ch.codePointAt(0);
      let font =
        whole ?? (previous && covers(previous.ranges, cp) ? previous : candidates.find((c) => covers(c.ranges, cp)));
      if (!font && /\s/u.test(ch)) font = previous;
      for (let k = 0; k < ch.length; k++) picks[at + k] = font ?? null;
      previous = font ?? previous;
      at += ch.length;
    }
  }
  return picks;
}

const withRanges = (entry) => ({ file: entry.file, ranges: decodeCover(entry.cover) });

/**
 * Fonts from the build's fonts/ folder through fetchBytes(name) -> Promise<Uint8Array>. candidates() lists,
 * best first, the fonts that may draw text at a weight: that weight's fixed subset, the other one, then the
 * Noto Sans Bold slices, with the CJK families only when the text has CJK characters.
 */
export function createFontSource(fetchBytes, { languages = [] } = {}) {
  let index = null;
  const lists = new Map();
  const json = async (name) => JSON.parse(new TextDecoder().decode(await fetchBytes(name)));
  async function loadIndex() {
    index ??= json('index.json');
    return index;
  }
  async function cjkList(id) {
    const idx = await loadIndex();
    if (!idx.cjk[id]) return []; // a build without this family (the single file has no CJK fonts)
    if (!lists.has(id))
      lists.set(
        id,
        json(idx.cjk[id]).then((list) => list.map(withRanges)),
      );
    return lists.get(id);
  }
  return {
    async candidates(text, weight) {
      const idx = await loadIndex();
      const other = weight === 700 ? 400 : 700;
      const list = [withRanges(idx.fixed[weight]), withRanges(idx.fixed[other])];
      for (const family of Object.values(idx.families)) list.push(...family.map(withRanges));
      if (CJK.test(text)) {
        for (const id of cjkOrder(text, languages)) {
          const missing = [...text].some((ch) => !list.some((f) => covers(f.ranges, ch.codePointAt(0))));
          if (!missing) break;
          list.push(...(await cjkList(id)));
        }
      }
      return list;
    },
    bytes: (file) => fetchBytes(file),
  };
}

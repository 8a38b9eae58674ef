// The lint rule normlab/function-length (scripts/lint/function-length.js): it counts a function's own lines,
// leaving out blank lines, comment-only lines and the lines of functions nested in it.
import { test } from 'node:test';
import { RuleTester } from 'eslint';
import rule from '../../scripts/lint/function-length.js';

// RuleTester reports through the test framework's describe/it; node:test provides both.
const tester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const lines = (n, text = 'x += 1;') => Array.from({ length: n }, () => `  ${text}`).join('\n');
const fn = (name, body) => `function ${name}() {\n${body}\n}`;

test('normlab/function-length', () => {
  tester.run('function-length', rule, {
    valid: [
      // 2 + 58 = 60 lines: the limit itself.
      { code: `let x = 0;\n${fn('f', lines(58))}`, options: [{ max: 60 }] },
      // Comments and blank lines are not code to hold in mind.
      {
        code: `let x = 0;\n${fn('f', `${lines(30)}\n${lines(40, '// why')}\n\n\n${lines(20)}`)}`,
        options: [{ max: 60 }],
      },
      // A factory of small closures: each closure is measured alone, and not again as part of the factory.
      {
        code: `let x = 0;\nfunction make() {\n  const a = () => {\n${lines(50)}\n  };\n  const b = function () {\n${lines(50)}\n  };\n  return [a, b];\n}`,
        options: [{ max: 60 }],
      },
    ],
    invalid: [
      {
        code: `let x = 0;\n${fn('f', lines(59))}`,
        options: [{ max: 60 }],
        errors: [{ messageId: 'tooLong', data: { name: 'f', count: 61, max: 60 } }],
      },
      // A long closure is found inside a short function, named by the variable that holds it.
      {
        code: `let x = 0;\nfunction make() {\n  const inner = () => {\n${lines(70)}\n  };\n  return inner;\n}`,
        options: [{ max: 60 }],
        errors: [{ messageId: 'tooLong', data: { name: 'inner', count: 72, max: 60 } }],
      },
      // A line holding code and a comment is code.
      {
        code: `let x = 0;\n${fn('f', lines(59, 'x += 1; // counted'))}`,
        options: [{ max: 60 }],
        errors: [{ messageId: 'tooLong' }],
      },
    ],
  });
});

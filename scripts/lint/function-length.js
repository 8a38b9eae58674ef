// ESLint rule normlab/function-length: a function may hold at most `max` lines of its own — non-blank lines that
// are not only comment, not counting the lines of functions nested in it (each of those is measured alone).
// ESLint's max-lines-per-function counts nested functions too, so a factory of small closures would read as one
// long function; what a reader has to hold in mind at once is the code between the nested ones.

function commentOnlyLines(sourceCode) {
  const lines = new Set();
  for (const comment of sourceCode.getAllComments()) {
    for (let line = comment.loc.start.line; line <= comment.loc.end.line; line++) lines.add(line);
  }
  // A line that also holds code is not comment-only.
  for (const token of sourceCode.ast.tokens) (lines.delete(token.loc.start.line), lines.delete(token.loc.end.line));
  return lines;
}

export default {
  meta: {
    type: 'suggestion',
    docs: { description: 'limit the lines a function holds outside the functions nested in it' },
    schema: [{ type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, additionalProperties: false }],
    messages: {
      tooLong:
        '{{name}} has {{count}} lines of its own (nested functions not counted); at most {{max}}: split it by purpose.',
    },
  },
  create(context) {
    const max = context.options[0]?.max ?? 60;
    const sourceCode = context.sourceCode;
    let skipped;
    const stack = [];
    const enter = (node) => stack.push({ node, nested: [] });
    const exit = (node) => {
      const { nested } = stack.pop();
      stack.at(-1)?.nested.push(node);
      skipped ??= commentOnlyLines(sourceCode);
      const inner = new Set();
      for (const n of nested) for (let l = n.loc.start.line + 1; l < n.loc.end.line; l++) inner.add(l);
      let count = 0;
      for (let l = node.loc.start.line; l <= node.loc.end.line; l++) {
        if (!inner.has(l) && !skipped.has(l) && sourceCode.lines[l - 1].trim() !== '') count++;
      }
      if (count > max) {
        const name = node.id?.name ?? (node.parent?.key?.name || node.parent?.id?.name || 'This function');
        context.report({ node, messageId: 'tooLong', data: { name, count, max } });
      }
    };
    return {
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': exit,
      'FunctionExpression:exit': exit,
      'ArrowFunctionExpression:exit': exit,
    };
  },
};

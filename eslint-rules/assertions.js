// Two lint rules for tests that could pass without testing: an expect() reached only on some paths, and an
// every()/some() assertion that an empty list satisfies without anything being checked.

/** expect(...), expect.poll(...), expect.soft(...): the calls that assert (not expect.any(...) and other matchers). */
function isAssertion(node) {
  if (node.type !== 'CallExpression') return false;
  const { callee } = node;
  if (callee.type === 'Identifier') return callee.name === 'expect';
  return (
    callee.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'expect' &&
    callee.property.type === 'Identifier' &&
    (callee.property.name === 'poll' || callee.property.name === 'soft')
  );
}

/** The matcher applied to an expect() call: `.not.toHaveLength(0)` → { negated: true, name: 'toHaveLength', args }. */
function matcherOf(expectCall) {
  let member = expectCall.parent;
  let negated = false;
  while (member?.type === 'MemberExpression' && member.object !== undefined) {
    const name = member.property.type === 'Identifier' ? member.property.name : null;
    if (name === 'not') {
      negated = !negated;
      member = member.parent;
      continue;
    }
    if (name === 'resolves' || name === 'rejects') {
      member = member.parent;
      continue;
    }
    const call = member.parent;
    return call?.type === 'CallExpression' && call.callee === member ? { negated, name, args: call.arguments } : null;
  }
  return null;
}

const numberArg = (args) => (args[0]?.type === 'Literal' && typeof args[0].value === 'number' ? args[0].value : null);

/** The conditional construct that `child` sits in a branch of, under `parent`, if any. */
function branchOf(parent, child) {
  switch (parent.type) {
    case 'IfStatement':
      return child === parent.test ? null : parent;
    case 'ConditionalExpression':
      return child === parent.test ? null : parent;
    case 'LogicalExpression':
      return child === parent.right ? parent : null;
    case 'SwitchCase':
      return child === parent.test ? null : parent;
    case 'CatchClause':
      return parent;
    default:
      return null;
  }
}

/** Does this subtree contain an assertion? (Used to accept an if/else that asserts on every branch.) */
function asserts(node, keys) {
  if (!node || typeof node.type !== 'string') return false;
  if (isAssertion(node)) return true;
  return (keys[node.type] ?? []).some((key) => {
    const value = node[key];
    return Array.isArray(value) ? value.some((item) => asserts(item, keys)) : asserts(value, keys);
  });
}

const EXITS = new Set(['ContinueStatement', 'ReturnStatement', 'BreakStatement', 'ThrowStatement']);

/** `if (c) { …; continue; } rest`: the statements after an if that leaves its block are its else branch. */
function restAfterExit(construct) {
  const last = construct.consequent.type === 'BlockStatement' ? construct.consequent.body.at(-1) : construct.consequent;
  const siblings = construct.parent.body ?? construct.parent.consequent;
  if (!last || !EXITS.has(last.type) || !Array.isArray(siblings)) return null;
  return siblings.slice(siblings.indexOf(construct) + 1);
}

/** An if/else or a ?: whose every branch asserts checks something on each path. */
function assertsOnEveryPath(construct, keys) {
  if (construct.type !== 'IfStatement' && construct.type !== 'ConditionalExpression') return false;
  const otherwise = construct.alternate ?? (construct.type === 'IfStatement' ? restAfterExit(construct) : null);
  if (!otherwise) return false;
  const elseAsserts = Array.isArray(otherwise)
    ? otherwise.some((statement) => asserts(statement, keys))
    : asserts(otherwise, keys);
  return elseAsserts && asserts(construct.consequent, keys);
}

const noConditionalExpect = {
  meta: {
    type: 'problem',
    docs: { description: 'An expect() only inside an if, a catch, `a && …` or one branch of `?:` can be skipped.' },
    schema: [],
    messages: {
      conditional:
        'This expect() runs only when the {{construct}} lets it, so the test can pass without checking it. Assert unconditionally (or on every branch).',
    },
  },
  create(context) {
    const keys = context.sourceCode.visitorKeys;
    return {
      CallExpression(node) {
        if (!isAssertion(node)) return;
        for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
          const construct = branchOf(parent, child);
          if (!construct || assertsOnEveryPath(construct, keys)) continue;
          const names = {
            IfStatement: 'if',
            ConditionalExpression: '?:',
            LogicalExpression: `${construct.operator}`,
            SwitchCase: 'switch case',
            CatchClause: 'catch',
          };
          context.report({ node, messageId: 'conditional', data: { construct: names[construct.type] } });
          return;
        }
      },
    };
  },
};

/** toBe(false), not.toBe(true), toBeFalsy(), not.toBeTruthy(). */
function assertsFalse({ name, negated, args }) {
  if (name === 'toBeFalsy' || name === 'toBeTruthy') return (name === 'toBeFalsy') !== negated;
  const literal = args[0]?.type === 'Literal' ? args[0].value : undefined;
  return (name === 'toBe' || name === 'toEqual') && typeof literal === 'boolean' && literal === negated;
}

/** The list `x` of `expect(x.every(...))`, or of `expect(x.some(...))` when expected false: vacuous when x is empty. */
function vacuousListOf(expectCall) {
  const [argument] = expectCall.arguments;
  if (argument?.type !== 'CallExpression' || argument.callee.type !== 'MemberExpression') return null;
  const method = argument.callee.property.type === 'Identifier' ? argument.callee.property.name : null;
  if (method === 'every') return argument.callee.object;
  if (method !== 'some') return null;
  const matcher = matcherOf(expectCall);
  if (!matcher) return null;
  const expectsFalse = assertsFalse(matcher);
  return expectsFalse ? argument.callee.object : null;
}

/** The text of the list an expect() call shows to be non-empty, if it does. */
function listShownNonEmpty(expectCall, text) {
  const [argument] = expectCall.arguments;
  const matcher = matcherOf(expectCall);
  if (!argument || !matcher) return null;
  const count = numberArg(matcher.args);
  const isLength =
    argument.type === 'MemberExpression' &&
    argument.property.type === 'Identifier' &&
    argument.property.name === 'length';
  if (isLength && !matcher.negated) {
    const list = text(argument.object);
    if (matcher.name === 'toBeGreaterThan' && count !== null && count >= 0) return list;
    if (matcher.name === 'toBeGreaterThanOrEqual' && count !== null && count >= 1) return list;
    if ((matcher.name === 'toBe' || matcher.name === 'toEqual') && count !== null && count >= 1) return list;
    return null;
  }
  if (matcher.name === 'toHaveLength' && count !== null && (matcher.negated ? count === 0 : count >= 1))
    return text(argument);
  const arrayArg = matcher.args[0];
  if ((matcher.name === 'toEqual' || matcher.name === 'toStrictEqual') && arrayArg?.type === 'ArrayExpression')
    return matcher.negated === (arrayArg.elements.length === 0) ? text(argument) : null;
  return null;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function enclosingFunction(node) {
  let scope = node.parent;
  while (scope.parent && !FUNCTIONS.has(scope.type)) scope = scope.parent;
  return scope;
}

const noVacuousEvery = {
  meta: {
    type: 'problem',
    docs: { description: 'expect(list.every(…)) passes for an empty list: assert the list is not empty first.' },
    schema: [],
    messages: {
      vacuous:
        'expect({{list}}.{{method}}(…)) holds for an empty list: first assert that {{list}} is not empty (toHaveLength(n), .length > 0).',
    },
  },
  create(context) {
    const text = (node) => context.sourceCode.getText(node).replace(/\s+/g, '');
    const shown = [];
    const candidates = [];
    return {
      CallExpression(node) {
        if (!isAssertion(node)) return;
        const list = listShownNonEmpty(node, text);
        if (list) shown.push({ list, at: node.range[0], scope: enclosingFunction(node) });
        const vacuous = vacuousListOf(node);
        if (vacuous)
          candidates.push({
            node,
            list: text(vacuous),
            shownAs: context.sourceCode.getText(vacuous),
            method: node.arguments[0].callee.property.name,
          });
      },
      'Program:exit'() {
        for (const { node, list, shownAs, method } of candidates) {
          const scopes = new Set(context.sourceCode.getAncestors(node));
          if (shown.some((fact) => fact.list === list && fact.at < node.range[0] && scopes.has(fact.scope))) continue;
          context.report({ node, messageId: 'vacuous', data: { list: shownAs, method } });
        }
      },
    };
  },
};

export default { rules: { 'no-conditional-expect': noConditionalExpect, 'no-vacuous-every': noVacuousEvery } };

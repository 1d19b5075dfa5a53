// Fails on a hard-coded UI string: every .svelte file under src/ is parsed with Svelte's own
// compiler, and its visible text (text nodes, user-facing attributes, strings an expression
// outputs, label/help/title properties and sentences in <script>) must come from a message
// call, except the short allow-list below. Run by `npm run check`; `node
// scripts/check-hardcoded-strings.js FILE...` checks the given files only.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';

const root = new URL('../src/', import.meta.url).pathname;

/** Words that are the same in every language: brands, protocol tokens, HTTP methods, units. */
export const ALLOWED = new Set([
  'Textgate', 'Webitel', 'T', 'X-Webitel-Sign', 'HMAC-SHA256', 'HMAC-SHA1', 'JSON', 'URI', 'URL', 'MIME',
  'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HTTP', 'p50', 'p90', 'p99', 'whsec_', 'webhook-id', 'Id',
  'FirstName', 'LastName', 'Username', 'Contact', 'Channel', '-----BEGIN CERTIFICATE-----', 'Webitel (X-Webitel-Sign)', 'whsec_…',
]);

/** Attributes a person reads or hears. */
const USER_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'aria-description', 'aria-roledescription', 'alt', 'label', 'help', 'tooltip', 'summary']);
/** Object properties in <script> that hold visible text. */
const USER_PROPERTIES = new Set(['label', 'help', 'title', 'hint', 'text', 'body', 'placeholder', 'tooltip', 'message']);

const hasWords = (text) => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim()) && !/^\s*[a-z]+:\/\/\S*\s*$/i.test(text);
// A sentence-like literal in a script: two words or more (identifiers and JSON do not qualify).
const isSentence = (text) => /\p{L}{2,}[^\S\n]+\p{L}/u.test(text) && !/^[\s\w$().{}\-"':,]*\{.*\}$|^\$\(/u.test(text);

function svelteFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : svelteFiles(path);
    return entry.name.endsWith('.svelte') ? [path] : [];
  });
}

/** The strings an expression puts on screen (not those it compares or passes to calls). */
function outputs(expression, found) {
  if (!expression) return;
  switch (expression.type) {
    case 'Literal':
      if (typeof expression.value === 'string') found.push(expression.value);
      break;
    case 'TemplateLiteral':
      for (const quasi of expression.quasis) found.push(quasi.value.cooked ?? quasi.value.raw);
      for (const inner of expression.expressions) outputs(inner, found);
      break;
    case 'ConditionalExpression':
      outputs(expression.consequent, found);
      outputs(expression.alternate, found);
      break;
    case 'LogicalExpression':
      outputs(expression.left, found);
      outputs(expression.right, found);
      break;
    case 'BinaryExpression':
      if (expression.operator === '+') {
        outputs(expression.left, found);
        outputs(expression.right, found);
      }
      break;
  }
}

function lineOf(source, offset) {
  return source.slice(0, offset).split('\n').length;
}

function checkFile(path) {
  const source = readFileSync(path, 'utf8');
  const ast = parse(source, { modern: true });
  const problems = [];
  const report = (node, text, where) => {
    if (hasWords(text)) problems.push(`${relative(root, path)}:${lineOf(source, node.start)}: ${where} "${text.trim().replace(/\s+/g, ' ')}"`);
  };
  const expressionTag = (tag, where) => {
    const found = [];
    outputs(tag.expression, found);
    for (const text of found) report(tag, text, where);
  };

  const walkTemplate = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walkTemplate);
    if (node.type === 'Text') report(node, node.data, 'text');
    else if (node.type === 'ExpressionTag') expressionTag(node, 'text');
    else if (node.type === 'Attribute') {
      if (USER_ATTRIBUTES.has(node.name.toLowerCase()) && node.value !== true) {
        for (const part of Array.isArray(node.value) ? node.value : [node.value]) {
          if (part.type === 'Text') report(part, part.data, `${node.name}=`);
          else expressionTag(part, `${node.name}=`);
        }
      }
      return;
    }
    // CSS (the stylesheet and style: directives) and scripts are not text a person reads.
    if (node.type === 'StyleSheet' || node.type === 'Script' || node.type === 'StyleDirective') return;
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'expression' && key !== 'metadata' && value && typeof value === 'object') walkTemplate(value);
    }
  };
  walkTemplate(ast.fragment);

  const walkScript = (node, parent) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child) => walkScript(child, parent));
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration') return;
    if (node.type === 'Property' && USER_PROPERTIES.has(node.key?.name ?? node.key?.value)) {
      const found = [];
      outputs(node.value, found);
      for (const text of found) report(node, text, `${node.key.name ?? node.key.value}:`);
      return;
    } else if (node.type === 'Literal' && typeof node.value === 'string' && isSentence(node.value)) {
      const compared = parent?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator);
      if (!compared) report(node, node.value, 'script');
    } else if (node.type === 'TemplateElement' && isSentence(node.value.cooked ?? '')) {
      report(node, node.value.cooked, 'script');
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'loc' && value && typeof value === 'object') walkScript(value, node);
    }
  };
  walkScript(ast.instance?.content);
  walkScript(ast.module?.content);
  return problems;
}

const files = process.argv.length > 2 ? process.argv.slice(2) : svelteFiles(root);
const problems = files.flatMap(checkFile);
if (problems.length > 0) {
  console.error(`Hard-coded UI strings (put them in messages/en.json and render them with m.*()):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`check-hardcoded-strings: ${files.length} Svelte files, no hard-coded UI string`);

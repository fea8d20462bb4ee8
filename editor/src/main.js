// The playground's code editor: CodeMirror 6 over the page's #code textarea.
//
// The textarea stays the page's source of truth (the Yew app listens to its input and
// keydown events), so the page works before this script arrives and if it never does.
// Once loaded, the editor takes the textarea's place: every change is written back to
// the textarea with an input event, and the app calls window.assocEditor.sync(code)
// when the code changes elsewhere (an example, the form builder) and
// window.assocEditor.diagnostics(list) after each analysis.
import { EditorState, Compartment, StateEffect, StateField } from '@codemirror/state';
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  hoverTooltip, tooltips,
} from '@codemirror/view';
import {
  standardKeymap, history, historyKeymap, indentWithTab, indentMore, indentLess, toggleComment,
} from '@codemirror/commands';
import {
  syntaxHighlighting, HighlightStyle, indentOnInput, bracketMatching, StreamLanguage,
} from '@codemirror/language';
import { tags } from '@lezer/highlight';
// JavaScript through CodeMirror's stream mode rather than the Lezer grammar: the
// snippets only need tokens coloured, and it is 32 KB gzip less for the page to load.
import './files.js';
import { javascript } from '@codemirror/legacy-modes/mode/javascript';

// Token colours come from the page's stylesheet, so they follow its light/dark theme.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword, tags.definitionKeyword], color: 'var(--tok-keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--tok-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--tok-literal)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: [tags.propertyName, tags.function(tags.propertyName)], color: 'var(--tok-property)' },
  { tag: [tags.variableName, tags.definition(tags.variableName), tags.special(tags.variableName)], color: 'var(--tok-variable)' },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: 'var(--tok-punctuation)' },
]);

// The association calls behind each foreign key ({ key, from, to }), and the marks on
// the calls of the key pointed at (from the tables, the diagram or the editor itself).
// A set of decorations the page replaces whole with `effect`, mapped through edits in
// between.
function replacedDecorations(effect) {
  return StateField.define({
    create: () => Decoration.none,
    update(value, tr) {
      for (const e of tr.effects) if (e.is(effect)) value = e.value;
      return value.map(tr.changes);
    },
    provide: (field) => EditorView.decorations.from(field),
  });
}

let links = [];
let pointed = null;
const setMarks = StateEffect.define();
const linkMark = Decoration.mark({ class: 'cm-assoc-link' });
const marks = replacedDecorations(setMarks);

// The page's findings: each underlined, with its message and hint on hover. (Written
// here rather than with @codemirror/lint, which does this and more for 10 KB gzip of
// the page's budget.)
const setFindings = StateEffect.define();
const findings = replacedDecorations(setFindings);

function findingMark(finding) {
  return Decoration.mark({ class: `cm-finding cm-finding-${finding.severity}`, finding });
}

const findingTooltip = hoverTooltip((view, position, side) => {
  const found = [];
  view.state.field(findings).between(position, position, (from, to, mark) => {
    if ((from < position || side > 0) && (to > position || side < 0)) found.push({ from, to, finding: mark.spec.finding });
  });
  if (found.length === 0) return null;
  return {
    pos: Math.min(...found.map((f) => f.from)),
    end: Math.max(...found.map((f) => f.to)),
    above: true,
    create() {
      const dom = document.createElement('div');
      dom.className = 'cm-findings';
      for (const { finding } of found) {
        const item = dom.appendChild(document.createElement('div'));
        item.className = `cm-diagnostic cm-diagnostic-${finding.severity}`;
        item.textContent = finding.message;
        if (finding.hint) {
          const hint = item.appendChild(document.createElement('div'));
          hint.className = 'cm-diagnostic-hint';
          hint.textContent = finding.hint;
        }
      }
      return { dom };
    },
  };
});

// What the editor shows now, so that an update that changes nothing costs nothing (the
// page sends both on every keystroke).
let marked = null;
let shownFindings = null;
let shownLinks = null;

function markFocus(focus) {
  if (!view || (focus == null && marked == null)) return;
  marked = focus;
  const length = view.state.doc.length;
  const ranges = links
    .filter((l) => l.key === focus && l.from < l.to && l.to <= length)
    .sort((a, b) => a.from - b.from)
    .map((l) => linkMark.range(l.from, l.to));
  view.dispatch({ effects: setMarks.of(Decoration.set(ranges, true)) });
}

// Tells the app which key the caret or the mouse is on (an assoc-point event).
function point(position) {
  const link = position == null ? null : links.find((l) => l.from <= position && position < l.to);
  const key = link ? link.key : null;
  if (key === pointed) return;
  pointed = key;
  textarea.dispatchEvent(new CustomEvent('assoc-point', { detail: key }));
}

let view = null;
let textarea = null;
// True while the editor applies the app's code, so that it is not echoed back.
let syncing = false;
const editable = new Compartment();

function writeBack(update) {
  if (update.selectionSet && update.view.hasFocus) point(update.state.selection.main.head);
  if (!update.docChanged || syncing) return;
  textarea.value = update.state.doc.toString();
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

// Ctrl/Cmd+Enter runs: the app's keydown handler on the textarea does it.
function run() {
  textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
  return true;
}

// The keys a snippet needs beyond the standard ones (arrows, Home/End, Backspace, Enter,
// select all): indent, outdent, comment. CodeMirror's fuller default keymap (line moves,
// syntax selection…) is left out for the page's size budget, as is drawn selection: the
// browser's own selection and caret serve.
const snippetKeys = [
  { key: 'Mod-]', run: indentMore },
  { key: 'Mod-[', run: indentLess },
  { key: 'Mod-/', run: toggleComment },
];

function upgrade(area) {
  textarea = area;
  const readOnly = area.hasAttribute('readonly');
  view = new EditorView({
    state: EditorState.create({
      doc: area.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(highlight),
        StreamLanguage.define(javascript),
        findings,
        findingTooltip,
        // In the body, so that the panels beside the editor never cover a tooltip.
        tooltips({ parent: document.body }),
        EditorView.lineWrapping,
        keymap.of([{ key: 'Mod-Enter', run }, indentWithTab, ...snippetKeys, ...standardKeymap, ...historyKeymap]),
        editable.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
        EditorView.updateListener.of(writeBack),
        marks,
        EditorView.domEventHandlers({
          mousemove: (event, v) => point(v.posAtCoords({ x: event.clientX, y: event.clientY })),
          mouseleave: () => point(null),
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'Your Sequelize code', 'aria-describedby': 'editor-hint' }),
      ],
    }),
  });
  view.dom.id = 'editor';
  area.insertAdjacentElement('afterend', view.dom);
  area.classList.add('upgraded');
  // The textarea is out of sight now: no tab stop, nothing for a screen reader.
  area.tabIndex = -1;
  area.setAttribute('aria-hidden', 'true');
  document.documentElement.dataset.editor = 'codemirror';
  // The app keeps its latest findings here for an editor that arrives after them.
  if (window.assocDiagnostics) window.assocEditor.diagnostics(window.assocDiagnostics);
  if (window.assocLinks) window.assocEditor.links(window.assocLinks, window.assocFocus);
}

window.assocEditor = {
  // The app's code changed outside the editor.
  sync(code) {
    if (!view || view.state.doc.toString() === code) return;
    syncing = true;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    syncing = false;
  },
  // JSON of [{ key, from, to }]: the calls behind each foreign key; `focus` is the key
  // pointed at.
  links(json, focus = window.assocFocus) {
    if (json === shownLinks && focus === marked) return;
    shownLinks = json;
    links = JSON.parse(json);
    markFocus(focus);
  },
  // Selects from..to (UTF-16 offsets), the caret at `from`, scrolled into view, and
  // focuses the editor: the page's links to an error's place.
  select(from, to) {
    if (!view) return;
    const clamp = (n) => Math.max(0, Math.min(n, view.state.doc.length));
    view.dispatch({ selection: { anchor: clamp(to), head: clamp(from) }, scrollIntoView: true });
    view.focus();
  },
  // JSON of [{ from, to, severity, message, hint }], offsets in UTF-16 code units.
  diagnostics(json) {
    if (!view || json === shownFindings) return;
    shownFindings = json;
    const length = view.state.doc.length;
    const clamp = (n) => Math.max(0, Math.min(n, length));
    const ranges = JSON.parse(json).map((d) => {
      let from = clamp(d.from);
      let to = clamp(Math.max(d.to, d.from));
      // A finding at one point (the end of the input) underlines the character there.
      if (from === to) [from, to] = to < length ? [from, to + 1] : [Math.max(0, from - 1), to];
      return from < to ? findingMark(d).range(from, to) : null;
    });
    view.dispatch({ effects: setFindings.of(Decoration.set(ranges.filter(Boolean), true)) });
  },
};

const area = document.getElementById('code');
if (area) upgrade(area);

// The playground's code editor: CodeMirror 6 over the page's #code textarea.
//
// The textarea stays the page's source of truth (the Yew app listens to its input and
// keydown events), so the page works before this script arrives and if it never does.
// Once loaded, the editor takes the textarea's place: every change is written back to
// the textarea with an input event, and the app calls window.assocEditor.sync(code)
// when the code changes elsewhere (an example, the form builder) and
// window.assocEditor.diagnostics(list) after each analysis.
import { EditorState, Compartment } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  syntaxHighlighting, HighlightStyle, indentOnInput, bracketMatching,
} from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { javascriptLanguage } from '@codemirror/lang-javascript';
import { setDiagnostics, lintGutter } from '@codemirror/lint';

// Token colours come from the page's stylesheet, so they follow its light/dark theme.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword, tags.definitionKeyword], color: 'var(--tok-keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--tok-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--tok-literal)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: [tags.propertyName, tags.function(tags.propertyName)], color: 'var(--tok-property)' },
  { tag: [tags.variableName, tags.definition(tags.variableName)], color: 'var(--tok-variable)' },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: 'var(--tok-punctuation)' },
]);

let view = null;
let textarea = null;
// True while the editor applies the app's code, so that it is not echoed back.
let syncing = false;
const editable = new Compartment();

function writeBack(update) {
  if (!update.docChanged || syncing) return;
  textarea.value = update.state.doc.toString();
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

// Ctrl/Cmd+Enter runs: the app's keydown handler on the textarea does it.
function run() {
  textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
  return true;
}

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
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(highlight),
        javascriptLanguage,
        lintGutter(),
        EditorView.lineWrapping,
        keymap.of([{ key: 'Mod-Enter', run }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        editable.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
        EditorView.updateListener.of(writeBack),
        EditorView.contentAttributes.of({ 'aria-label': 'Your Sequelize code' }),
      ],
    }),
  });
  view.dom.id = 'editor';
  area.insertAdjacentElement('afterend', view.dom);
  area.classList.add('upgraded');
  document.documentElement.dataset.editor = 'codemirror';
  // The app keeps its latest findings here for an editor that arrives after them.
  if (window.assocDiagnostics) window.assocEditor.diagnostics(window.assocDiagnostics);
}

window.assocEditor = {
  // The app's code changed outside the editor.
  sync(code) {
    if (!view || view.state.doc.toString() === code) return;
    syncing = true;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    syncing = false;
  },
  // [{ from, to, severity, message, hint }], offsets in UTF-16 code units.
  diagnostics(list) {
    if (!view) return;
    const length = view.state.doc.length;
    const clamp = (n) => Math.max(0, Math.min(n, length));
    view.dispatch(setDiagnostics(view.state, list.map((d) => ({
      from: clamp(d.from),
      to: clamp(Math.max(d.to, d.from)),
      severity: d.severity === 'note' ? 'info' : d.severity,
      message: d.hint ? `${d.message}\n${d.hint}` : d.message,
    }))));
  },
};

const area = document.getElementById('code');
if (area) upgrade(area);

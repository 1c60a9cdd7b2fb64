// The TipTap letter editor (with its variable chips) and the call dialog's letter section. A face of
// its own, apart from letters: only the screens that write a letter load TipTap.
export { LetterEditor } from './components/LetterEditor';
export { LetterSection, type LetterState } from './components/LetterSection';

// The sign-in screen (the session itself is the session feature).
export { LoginPage } from './components/LoginPage';

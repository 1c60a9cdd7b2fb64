// Who is signed in: signing in and out and the signed-in user most screens ask about. Apart from
// the sign-in screen (auth), so a screen asking who is signed in does not load that screen too.
export { useGetMeQuery, useLoginMutation, useLogoutMutation, type SessionUser } from './api/session-api';

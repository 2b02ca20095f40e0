/** The session's CSRF token, set when the session is read; sent on every unsafe request. */
let csrfToken: string | undefined;

export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};

export const currentCsrfToken = (): string | undefined => csrfToken;

import { serveCaughtMail, startMailCatcher } from './mail-catcher';

/** A local mail catcher: SMTP on SMTP_PORT (2525), what it caught on HTTP_PORT (3025) /messages. */
const main = async (): Promise<void> => {
  const smtpPort = Number(process.env['SMTP_PORT'] ?? 2525);
  const httpPort = Number(process.env['HTTP_PORT'] ?? 3025);
  const catcher = await startMailCatcher(smtpPort);
  await serveCaughtMail(catcher, httpPort);
  console.log(`mail catcher: smtp://127.0.0.1:${smtpPort}, http://127.0.0.1:${httpPort}/messages`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

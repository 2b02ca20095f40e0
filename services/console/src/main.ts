import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@crm/nest';
import { ConsoleConfig } from './config/console.config';
import { createConsoleApp } from './create-console-app';

const main = async (): Promise<void> => {
  const config = loadConfig(ConsoleConfig);
  if (config.isProduction() && config.AUTH_MODE === 'dev') {
    throw new Error(
      'AUTH_MODE=dev is refused in production: configure OIDC_ISSUER, OIDC_CLIENT_ID and PUBLIC_URL',
    );
  }
  const app = await createConsoleApp(config);
  const port = config.PORT ?? 3000;
  await app.listen(port, '0.0.0.0');
  new Logger('Bootstrap').log(`console listening on http://127.0.0.1:${port}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

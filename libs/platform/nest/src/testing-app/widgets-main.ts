import 'reflect-metadata';
import { bootstrapService } from '../bootstrap/bootstrap-service';
import { testModule } from './test-platform';

/**
 * The platform test app as a process of its own (schema from WIDGETS_SCHEMA), so a test can kill
 * it with SIGKILL in the middle of a request.
 */
const main = async (): Promise<void> => {
  const schema = process.env['WIDGETS_SCHEMA'];
  if (schema === undefined) throw new Error('WIDGETS_SCHEMA is required');
  const { module } = await testModule('process', { schema });
  await bootstrapService(module, { serviceName: 'test-widgets', port: Number(process.env['PORT'] ?? 0) });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

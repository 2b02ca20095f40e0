import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

/**
 * Accepts what the client libraries accept (`new URL` parsing with one of the given schemes).
 * class-validator's `IsUrl` rejects valid connection strings such as compose host names with underscores.
 */
export const IsConnectionUrl = (
  protocols: readonly string[],
  options?: ValidationOptions,
): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isConnectionUrl',
      constraints: [protocols],
      validator: {
        validate: (value: unknown): boolean => {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return protocols.includes(url.protocol.replace(/:$/, '')) && url.hostname.length > 0;
          } catch {
            return false;
          }
        },
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a URL with scheme ${protocols.join(' or ')}`,
          options,
        ),
      },
    },
    options,
  );

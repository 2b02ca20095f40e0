/**
 * Personal data inside a public event (architecture §8, domain §2.9). It is encrypted with the
 * customer's own key, held only by the customers service; consumers store it as it is and never
 * see plain text. Forgetting a customer deletes the key, which makes every copy - in the event
 * store, on Kafka, in other services' tables - unreadable at once.
 *
 * `ciphertext` is base64 of iv (12 bytes) | auth tag (16 bytes) | AES-256-GCM ciphertext of the
 * JSON `{ name, mobile, address? }`, authenticated with the customer id.
 *
 * Deliberately absent: a masked mobile (`138****1234`). It keeps 7 of 11 digits in clear text,
 * which would survive forgetting and, together with the owner and dates, still single a person
 * out. Services that need to show a masked number ask the customers API, which masks on read.
 */
export type SealedPersonalDataV1 = {
  readonly alg: 'AES-256-GCM';
  readonly keyId: string;
  readonly ciphertext: string;
};

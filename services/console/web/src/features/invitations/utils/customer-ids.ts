/**
 * Customer ids pasted or typed into a list: one per line, or separated by commas, 、 or spaces;
 * blanks dropped, repeats kept once, in the order first given (the service checks each id).
 */
export const parseCustomerIds = (text: string | undefined): string[] => [
  ...new Set(
    (text ?? '')
      .split(/[\s,，、;；]+/)
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  ),
];

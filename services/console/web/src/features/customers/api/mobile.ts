/** The same normalisation as the service: spaces, dashes and a +86/0086 prefix are dropped. */
export const normaliseMobile = (input: string): string => {
  const digits = input.replace(/[\s-]/g, '');
  return digits.replace(/^(\+86|0086)/, '');
};

export const isMainlandMobile = (input: string): boolean => /^1[3-9]\d{9}$/.test(normaliseMobile(input));

// The one password rule, applied by every door that sets a password (first run, a manager
// creating or resetting an account, changing one's own, the command line): a phrase of at least
// 8 characters, or a PIN of at least 6 digits. Shared so a form shows the same message the core
// would give.

export const minPasswordLength = 8;
export const minPinLength = 6;

/** Why a password is refused, in words for the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length === 0) return 'Enter a password';
  if (password.length > 200) return 'The password must be 200 characters or fewer';
  if (/^\d+$/.test(password)) {
    return password.length >= minPinLength ? null : `A PIN must be at least ${minPinLength} digits`;
  }
  if (password.length < minPasswordLength) return `The password must be at least ${minPasswordLength} characters, or a PIN of at least ${minPinLength} digits`;
  return null;
}

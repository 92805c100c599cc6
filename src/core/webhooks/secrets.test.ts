import { describe, expect, it } from 'vitest';
import { newSigningSecret, ROTATION_OVERLAP_MS, rotated, signingSecrets } from './secrets';

describe('webhook secrets', () => {
  it('are whsec_ and the base64 of 32 random bytes, never the same twice', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it('after a rotation, sign with the new and the old one for 24 hours, then the new one only', () => {
    const now = 1_000_000;
    const next = rotated({ signing: 'whsec_old', previous: null, headers: { A: 'b' } }, 'whsec_new', now);
    expect(next).toEqual({ signing: 'whsec_new', previous: { secret: 'whsec_old', until: now + ROTATION_OVERLAP_MS }, headers: { A: 'b' } });
    expect(signingSecrets(next, now + ROTATION_OVERLAP_MS - 1)).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(next, now + ROTATION_OVERLAP_MS)).toEqual(['whsec_new']);
    expect(ROTATION_OVERLAP_MS).toBe(86_400_000);
  });
});

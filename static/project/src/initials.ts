/** Up to two capitals from a name's first words ("Pat Lead" → "PL", "Operations" → "O"), for an avatar without a picture. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => [...(word ?? '')][0] ?? '')
    .join('')
    .toUpperCase();
}

/** The same colour for the same person or project on every page: one of a few background tokens, picked by a hash. */
const BACKGROUNDS = [
  'color.background.accent.blue.subtler',
  'color.background.accent.green.subtler',
  'color.background.accent.purple.subtler',
  'color.background.accent.teal.subtler',
  'color.background.accent.orange.subtler',
  'color.background.accent.magenta.subtler',
] as const;
export type AvatarBackground = (typeof BACKGROUNDS)[number];

export function backgroundFor(id: string): AvatarBackground {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return BACKGROUNDS[hash % BACKGROUNDS.length] ?? BACKGROUNDS[0];
}

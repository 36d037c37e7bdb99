/**
 * Strings of the capacity-aware accessibility (2SFCA, E2SFCA) in the community card, both languages
 * side by side (same keys in each). Merged into the resources under the top-level key `access`.
 */
export const en = {
  colPerThousand: 'Per 1,000 (2SFCA / E2SFCA)',
  perThousandHint:
    'Places (capacity) per 1,000 residents within reach, shared with everyone else who can reach the same facilities (2SFCA; E2SFCA weighs nearer places more)',
  noneInReach: 'none in reach',
};

export const zh: typeof en = {
  colPerThousand: '每千人（2SFCA / E2SFCA）',
  perThousandHint:
    '可达范围内每千名居民拥有的容量（托位、座位等），与能到达同一设施的其他居民共享（2SFCA；E2SFCA 对较近的设施赋予更高权重）',
  noneInReach: '范围内无设施',
};

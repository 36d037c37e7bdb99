/** The UI languages. */

/** UI language: Chinese (default for zh* browsers) or English. */
export type Language = 'zh' | 'en';

// Type declarations for the two text libraries the engine uses (they ship none).
declare module "snowball-stemmers" {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
  const factory: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default factory;
}

declare module "stopwords-iso" {
  const lists: Record<string, string[]>;
  export default lists;
}

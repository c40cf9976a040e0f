/**
 * The reference pass the benchmark compares against: wink-nlp's own tokenise + part-of-speech
 * tag over a text (`readDoc`, then every token's `pos`), with its lite English model.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Loads wink-nlp with its default pipeline and returns a function that tags one text. */
export function createWinkTagger(): (text: string) => number {
  const nlp = winkNLP(model);
  const its = nlp.its;
  return (text: string): number => {
    const pos = nlp.readDoc(text).tokens().out(its.pos) as string[];
    return pos.length;
  };
}

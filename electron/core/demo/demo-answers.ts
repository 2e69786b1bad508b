/**
 * What the demo's customers write back to a reply that waits for them: short, plausible, varied
 * by case, in French like the rest of the demo.
 */
const answers: readonly ((name: string) => string)[] = [
  (name) => `Bonjour,\n\nMerci pour votre réponse. Je vous envoie les documents demandés dès ce soir.\n\nCordialement,\n${name}`,
  (name) => `Bonjour,\n\nMerci, c’est plus clair. Une dernière question : dois-je vous renvoyer le formulaire signé ?\n\n${name}`,
  (name) => `Bonjour,\n\nC’est noté, merci beaucoup pour votre aide.\n\nBien à vous,\n${name}`,
];

export function demoAnswerText(caseId: number, name: string): string {
  const answer = answers[caseId % answers.length] as (name: string) => string;
  return answer(name).trimEnd();
}

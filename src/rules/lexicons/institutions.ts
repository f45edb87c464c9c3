/**
 * Buildings and streets whose names news uses for the government inside them ("the
 * Kremlin said", "a White House spokeswoman"). A tagger trained on CoNLL often calls
 * them places; as entities they are organisations. Origin: written for Dateline from
 * general knowledge.
 */
export const GOVERNMENT_SEATS: readonly string[] = [
  'Kremlin', 'White House', 'Downing Street', 'Number 10', 'No 10', 'No. 10', 'Pentagon', 'Elysee',
  'Élysée', 'Elysee Palace', 'Élysée Palace', "Quai d'Orsay", 'Whitehall', 'Capitol Hill', 'Foggy Bottom',
  'Zhongnanhai', 'Blue House', 'Chancellery', 'Quirinale', 'Palazzo Chigi', 'Kantei', 'Bankova',
  'Casa Rosada', 'Planalto', 'Los Pinos', 'Palacio de la Moncloa', 'Moncloa', 'Rashtrapati Bhavan',
  'South Block', 'Kirribilli', 'Stormont', 'Holyrood', 'Oval Office',
];

/**
 * News agencies (wire services), with the forms they are credited under in bylines
 * and datelines. Origin: written for Dateline from general knowledge of the world's
 * wire services; `name` is the form Dateline reports.
 */
export interface Agency {
  readonly name: string;
  /** Forms as written, compared case-sensitively when short (≤ 3 letters), else case-insensitively. */
  readonly forms: readonly string[];
}

export const AGENCIES: readonly Agency[] = [
  { name: 'Reuters', forms: ['Reuters', 'Thomson Reuters', 'REUTERS'] },
  { name: 'AP', forms: ['AP', 'Associated Press', 'The Associated Press', 'A.P.'] },
  { name: 'AFP', forms: ['AFP', 'Agence France-Presse', 'Agence France Presse', 'AFP-JIJI', 'AFP/Getty'] },
  { name: 'Bloomberg', forms: ['Bloomberg', 'Bloomberg News'] },
  { name: 'UPI', forms: ['UPI', 'United Press International'] },
  { name: 'dpa', forms: ['dpa', 'DPA', 'Deutsche Presse-Agentur'] },
  { name: 'PA', forms: ['PA', 'PA Media', 'Press Association', 'PA Wire'] },
  { name: 'ANI', forms: ['ANI', 'Asian News International'] },
  { name: 'PTI', forms: ['PTI', 'Press Trust of India'] },
  { name: 'IANS', forms: ['IANS', 'Indo-Asian News Service'] },
  { name: 'UNI', forms: ['UNI', 'United News of India'] },
  { name: 'Xinhua', forms: ['Xinhua', 'Xinhua News Agency'] },
  { name: 'CNS', forms: ['China News Service'] },
  { name: 'Kyodo', forms: ['Kyodo', 'Kyodo News'] },
  { name: 'Jiji', forms: ['Jiji', 'Jiji Press'] },
  { name: 'Yonhap', forms: ['Yonhap', 'Yonhap News Agency'] },
  { name: 'KCNA', forms: ['KCNA', 'Korean Central News Agency'] },
  { name: 'TASS', forms: ['TASS', 'Tass', 'ITAR-TASS'] },
  { name: 'RIA Novosti', forms: ['RIA Novosti', 'RIA'] },
  { name: 'Interfax', forms: ['Interfax'] },
  { name: 'Ukrinform', forms: ['Ukrinform'] },
  { name: 'ANSA', forms: ['ANSA'] },
  { name: 'EFE', forms: ['EFE', 'Agencia EFE'] },
  { name: 'Europa Press', forms: ['Europa Press'] },
  { name: 'Belga', forms: ['Belga'] },
  { name: 'ANP', forms: ['ANP'] },
  { name: 'APA', forms: ['APA', 'Austria Presse Agentur'] },
  { name: 'Keystone-SDA', forms: ['Keystone-SDA', 'SDA'] },
  { name: 'TT', forms: ['TT', 'TT News Agency'] },
  { name: 'NTB', forms: ['NTB'] },
  { name: 'Ritzau', forms: ['Ritzau'] },
  { name: 'STT', forms: ['STT'] },
  { name: 'PAP', forms: ['PAP', 'Polish Press Agency'] },
  { name: 'CTK', forms: ['CTK', 'ČTK'] },
  { name: 'MTI', forms: ['MTI'] },
  { name: 'Anadolu', forms: ['Anadolu', 'Anadolu Agency', 'AA'] },
  { name: 'IRNA', forms: ['IRNA'] },
  { name: 'WAFA', forms: ['WAFA'] },
  { name: 'SPA', forms: ['Saudi Press Agency'] },
  { name: 'WAM', forms: ['WAM'] },
  { name: 'MENA', forms: ['MENA'] },
  { name: 'Antara', forms: ['Antara'] },
  { name: 'Bernama', forms: ['Bernama'] },
  { name: 'PNA', forms: ['Philippine News Agency'] },
  { name: 'AAP', forms: ['AAP', 'Australian Associated Press'] },
  { name: 'CP', forms: ['CP', 'The Canadian Press', 'Canadian Press'] },
  { name: 'NZPA', forms: ['NZPA'] },
  { name: 'Agência Brasil', forms: ['Agência Brasil', 'Agencia Brasil'] },
  { name: 'Notimex', forms: ['Notimex'] },
  { name: 'Prensa Latina', forms: ['Prensa Latina'] },
  { name: 'SAPA', forms: ['SAPA'] },
  { name: 'NAN', forms: ['News Agency of Nigeria'] },
  { name: 'KNA', forms: ['Kenya News Agency'] },
  { name: 'CNA', forms: ['Central News Agency'] },
  { name: 'Dow Jones', forms: ['Dow Jones', 'Dow Jones Newswires'] },
  { name: 'CNN Wire', forms: ['CNN Wire'] },
  { name: 'Tribune News Service', forms: ['Tribune News Service', 'Tribune Content Agency'] },
  { name: 'States News Service', forms: ['States News Service'] },
];

const byForm = new Map<string, string>();
for (const agency of AGENCIES) {
  for (const form of agency.forms) byForm.set(form.length <= 3 ? form : form.toLowerCase(), agency.name);
}

/** The agency a written form names ("Associated Press" → "AP"), or undefined. */
export function agencyOf(written: string): string | undefined {
  const form = written.trim().replace(/\s+/g, ' ');
  if (form.length <= 3) return byForm.get(form);
  return byForm.get(form.toLowerCase()) ?? byForm.get(form.toLowerCase().replace(/^the /, ''));
}

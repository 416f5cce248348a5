/** getIssueList's master, exactly as the doc's sample gives it (every brand and product gets the same list). */
export interface ServifyIssue {
  issueCategoryCode: string;
  issueCategory: string;
  issueCode: string;
  issue: string;
}

const rows: [string, string, string, string][] = [
  ['FDA594F327', 'Mechanical breakdown', '0E74248AA1', 'Button Problem'],
  ['FDA594F327', 'Mechanical breakdown', 'DD3F87A82E', 'Volume Key Issue'],
  ['021679B445', 'Connectivity Issue', 'D9DF5D61D7', 'Wifi Not Working'],
  ['FDA594F327', 'Mechanical breakdown', 'BCE8D1A524', 'Back Camera Issue'],
  ['021679B445', 'Connectivity Issue', 'AA71C0EC58', 'Bluetooth Not Working'],
  ['D4472FF0B9', 'Functional Issue', 'B18F784907', 'Drops Calls'],
  ['FDA594F327', 'Mechanical breakdown', '8754FC9612', 'Earphone/Headphone Issue'],
  ['D4472FF0B9', 'Functional Issue', 'C5202D47F3', 'GPS Issue'],
  ['021679B445', 'Connectivity Issue', '9FC066DEDC', 'Internet Issue'],
  ['021679B445', 'Connectivity Issue', '58A3CEC6E7', 'Network Issue'],
  ['FDA594F327', 'Mechanical breakdown', '2FB37C58A9', 'Loose Contact In Power Plug'],
  ['FDA594F327', 'Mechanical breakdown', 'D268A1C8D9', 'USB Issue'],
  ['7451D0A7FD', 'Battery', '252E9F55B3', 'Heating Issue'],
  ['D4472FF0B9', 'Functional Issue', '531A58F44F', 'Storage Issue'],
  ['55B674E1F7', 'Screen', '0135666B08', 'Broken Screen'],
  ['D4472FF0B9', 'Functional Issue', 'E350D9C417', 'Display Related Issue'],
  ['55B674E1F7', 'Screen', 'DDB3B5D031', 'Flickering Display'],
  ['D4472FF0B9', 'Functional Issue', '7EDE254DF8', 'Picture Problem'],
  ['9B35624B41', 'Liquid', '4C9FF4B553', 'Liquid Damage'],
  ['9B35624B41', 'Liquid', 'F04833CA04', 'Spill Or Submersion'],
  ['FDA594F327', 'Mechanical breakdown', '62B1029931', 'Camera Issue'],
  ['FDA594F327', 'Mechanical breakdown', '8A7BD8361B', 'Front Camera Issue'],
  ['FDA594F327', 'Mechanical breakdown', '254CA4E15B', 'FOREIGN PARTICLE STUCK'],
  ['FDA594F327', 'Mechanical breakdown', '0E7E937C79', 'Bent Device'],
  ['FDA594F327', 'Mechanical breakdown', '327882D26E', 'Body Dent'],
  ['FDA594F327', 'Mechanical breakdown', '4E60B72CD9', 'Cover/Hinge Damage'],
  ['FDA594F327', 'Mechanical breakdown', '187A190E04', 'Dent/Damage'],
  ['FDA594F327', 'Mechanical breakdown', '70BBDA3221', 'Housing Issue'],
  ['FDA594F327', 'Mechanical breakdown', '40D94BD75A', 'Top Lid Prob'],
  ['7451D0A7FD', 'Battery', '5E1F806E10', 'Battery not charging'],
  ['7451D0A7FD', 'Battery', '41410AABA4', 'Charger Not Working'],
  ['7451D0A7FD', 'Battery', '09477631A9', 'Not Working/No Power'],
  ['D4472FF0B9', 'Functional Issue', 'E90FC1E3B8', 'Software Update'],
  ['FDA594F327', 'Mechanical breakdown', 'F6A9B61DE8', 'Audio Issue'],
  ['FDA594F327', 'Mechanical breakdown', 'C2B6A33D21', 'Microphone Issue'],
  ['FDA594F327', 'Mechanical breakdown', '97E4A62F86', 'Noise Problem'],
  ['FDA594F327', 'Mechanical breakdown', 'D1E7258523', 'Sound Audio Problem'],
  ['FDA594F327', 'Mechanical breakdown', '4D949D924B', 'Video Issue'],
];

export const servifyIssues: ServifyIssue[] = rows.map(([issueCategoryCode, issueCategory, issueCode, issue]) => ({
  issueCategoryCode,
  issueCategory,
  issueCode,
  issue,
}));

export function findIssue(issueCode: unknown): ServifyIssue | undefined {
  return servifyIssues.find((candidate) => candidate.issueCode === issueCode);
}

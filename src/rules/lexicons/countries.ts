/**
 * Country and territory names as they appear in news datelines, in ordinary case.
 * Origin: written for Dateline from general knowledge (the list of UN member and
 * observer states plus commonly datelined territories and common short forms).
 * Aliases map a written form to the name Dateline reports.
 */
export const COUNTRIES: readonly string[] = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua and Barbuda', 'Argentina', 'Armenia',
  'Australia', 'Austria', 'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium',
  'Belize', 'Benin', 'Bhutan', 'Bolivia', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Botswana', 'Brazil',
  'Brunei', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cambodia', 'Cameroon', 'Canada', 'Cape Verde',
  'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo', 'Costa Rica',
  "Cote d'Ivoire", 'Ivory Coast', 'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Czechia', 'Denmark',
  'Djibouti', 'Dominica', 'Dominican Republic', 'East Timor', 'Timor-Leste', 'Ecuador', 'Egypt', 'El Salvador',
  'Equatorial Guinea', 'Eritrea', 'Estonia', 'Eswatini', 'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon',
  'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada', 'Guatemala', 'Guinea', 'Guinea-Bissau',
  'Guyana', 'Haiti', 'Honduras', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland',
  'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', 'Kosovo', 'Kuwait',
  'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Lesotho', 'Liberia', 'Libya', 'Liechtenstein', 'Lithuania',
  'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta', 'Marshall Islands',
  'Mauritania', 'Mauritius', 'Mexico', 'Micronesia', 'Moldova', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco',
  'Mozambique', 'Myanmar', 'Burma', 'Namibia', 'Nauru', 'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua',
  'Niger', 'Nigeria', 'North Korea', 'North Macedonia', 'Macedonia', 'Norway', 'Oman', 'Pakistan', 'Palau',
  'Palestinian Territories', 'Palestine', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines',
  'Poland', 'Portugal', 'Qatar', 'Romania', 'Russia', 'Rwanda', 'Saint Kitts and Nevis', 'Saint Lucia',
  'Saint Vincent and the Grenadines', 'Samoa', 'San Marino', 'Sao Tome and Principe', 'Saudi Arabia',
  'Senegal', 'Serbia', 'Seychelles', 'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Solomon Islands',
  'Somalia', 'South Africa', 'South Korea', 'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname',
  'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'Togo', 'Tonga',
  'Trinidad and Tobago', 'Trinidad', 'Tunisia', 'Turkey', 'Türkiye', 'Turkmenistan', 'Tuvalu', 'Uganda',
  'Ukraine', 'United Arab Emirates', 'UAE', 'United Kingdom', 'UK', 'U.K.', 'England', 'Scotland', 'Wales',
  'Northern Ireland', 'United States', 'U.S.', 'US', 'USA', 'Uruguay', 'Uzbekistan', 'Vanuatu',
  'Vatican City', 'Vatican', 'Venezuela', 'Vietnam', 'Yemen', 'Zambia', 'Zimbabwe',
  // Territories and places datelined as if countries.
  'Hong Kong', 'Macau', 'Puerto Rico', 'Guam', 'Greenland', 'Gaza', 'Gaza Strip', 'West Bank', 'Crimea',
  'Kashmir', 'Tibet', 'Bermuda', 'Cayman Islands', 'Gibraltar', 'Faroe Islands', 'New Caledonia',
  'French Polynesia', 'Western Sahara', 'Somaliland', 'Curacao', 'Aruba', 'Democratic Republic of Congo',
  'Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Republic of Congo',
];

/** Written forms that Dateline reports under another name. */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  'U.S.': 'United States',
  US: 'United States',
  USA: 'United States',
  UK: 'United Kingdom',
  'U.K.': 'United Kingdom',
  UAE: 'United Arab Emirates',
  Czechia: 'Czech Republic',
  Burma: 'Myanmar',
  'Ivory Coast': "Cote d'Ivoire",
  'Timor-Leste': 'East Timor',
  'Bosnia-Herzegovina': 'Bosnia and Herzegovina',
  Türkiye: 'Turkey',
  DRC: 'Democratic Republic of the Congo',
  'DR Congo': 'Democratic Republic of the Congo',
  'Democratic Republic of Congo': 'Democratic Republic of the Congo',
};

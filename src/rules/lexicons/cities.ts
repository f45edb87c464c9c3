/**
 * Cities that often head news datelines: national capitals and large news centres.
 * Used to accept datelines that have no country, state or agency to vouch for them
 * ("NEW DELHI: …", "ROME —"). Origin: written for Dateline from general knowledge.
 */
export const DATELINE_CITIES: readonly string[] = [
  // Capitals and major cities, Asia and the Pacific
  'New Delhi', 'Delhi', 'Mumbai', 'Kolkata', 'Chennai', 'Bengaluru', 'Bangalore', 'Hyderabad', 'Ahmedabad', 'Pune',
  'Lucknow', 'Jaipur', 'Chandigarh', 'Srinagar', 'Patna', 'Bhopal', 'Thiruvananthapuram', 'Kochi', 'Guwahati',
  'Islamabad', 'Karachi', 'Lahore', 'Peshawar', 'Kabul', 'Dhaka', 'Kathmandu', 'Colombo', 'Male', 'Thimphu',
  'Beijing', 'Shanghai', 'Hong Kong', 'Shenzhen', 'Guangzhou', 'Wuhan', 'Taipei', 'Tokyo', 'Osaka', 'Seoul',
  'Pyongyang', 'Ulaanbaatar', 'Bangkok', 'Hanoi', 'Ho Chi Minh City', 'Phnom Penh', 'Vientiane', 'Yangon',
  'Naypyitaw', 'Kuala Lumpur', 'Singapore', 'Jakarta', 'Manila', 'Dili', 'Canberra', 'Sydney', 'Melbourne',
  'Brisbane', 'Perth', 'Adelaide', 'Wellington', 'Auckland', 'Suva', 'Port Moresby',
  // Central Asia, Middle East
  'Tashkent', 'Samarkand', 'Astana', 'Almaty', 'Bishkek', 'Dushanbe', 'Ashgabat', 'Baku', 'Tbilisi', 'Yerevan',
  'Tehran', 'Baghdad', 'Basra', 'Erbil', 'Damascus', 'Aleppo', 'Beirut', 'Amman', 'Jerusalem', 'Tel Aviv', 'Gaza',
  'Ramallah', 'Riyadh', 'Jeddah', 'Mecca', 'Doha', 'Dubai', 'Abu Dhabi', 'Manama', 'Kuwait City', 'Muscat', 'Sanaa',
  'Aden', 'Ankara', 'Istanbul', 'Cairo', 'Alexandria',
  // Europe
  'London', 'Manchester', 'Birmingham', 'Edinburgh', 'Glasgow', 'Cardiff', 'Belfast', 'Dublin', 'Paris', 'Marseille',
  'Lyon', 'Brussels', 'Amsterdam', 'The Hague', 'Luxembourg', 'Berlin', 'Frankfurt', 'Munich', 'Hamburg', 'Bonn',
  'Vienna', 'Zurich', 'Geneva', 'Bern', 'Davos', 'Rome', 'Milan', 'Naples', 'Vatican City', 'Madrid', 'Barcelona',
  'Lisbon', 'Athens', 'Nicosia', 'Valletta', 'Copenhagen', 'Oslo', 'Stockholm', 'Helsinki', 'Reykjavik', 'Tallinn',
  'Riga', 'Vilnius', 'Warsaw', 'Krakow', 'Prague', 'Bratislava', 'Budapest', 'Ljubljana', 'Zagreb', 'Belgrade',
  'Sarajevo', 'Podgorica', 'Skopje', 'Tirana', 'Pristina', 'Sofia', 'Bucharest', 'Chisinau', 'Kyiv', 'Kiev',
  'Kharkiv', 'Odesa', 'Odessa', 'Lviv', 'Minsk', 'Moscow', 'St. Petersburg', 'Saint Petersburg', 'Strasbourg',
  'Monaco', 'Andorra', 'San Marino',
  // Africa
  'Tripoli', 'Tunis', 'Algiers', 'Rabat', 'Casablanca', 'Khartoum', 'Juba', 'Addis Ababa', 'Asmara', 'Djibouti',
  'Mogadishu', 'Nairobi', 'Mombasa', 'Kampala', 'Kigali', 'Bujumbura', 'Dar es Salaam', 'Dodoma', 'Lusaka',
  'Harare', 'Lilongwe', 'Maputo', 'Gaborone', 'Windhoek', 'Pretoria', 'Johannesburg', 'Cape Town', 'Durban',
  'Maseru', 'Mbabane', 'Antananarivo', 'Kinshasa', 'Goma', 'Brazzaville', 'Luanda', 'Libreville', 'Yaounde',
  'Douala', 'Malabo', 'Bangui', "N'Djamena", 'Niamey', 'Abuja', 'Lagos', 'Kano', 'Accra', 'Lome', 'Cotonou',
  'Ouagadougou', 'Bamako', 'Dakar', 'Banjul', 'Bissau', 'Conakry', 'Freetown', 'Monrovia', 'Abidjan', 'Nouakchott',
  // Americas
  'Washington', 'New York', 'Los Angeles', 'Chicago', 'Houston', 'Dallas', 'Miami', 'Atlanta', 'Boston',
  'Philadelphia', 'San Francisco', 'Seattle', 'Detroit', 'Denver', 'Phoenix', 'Las Vegas', 'New Orleans',
  'Baltimore', 'Minneapolis', 'St. Louis', 'Pittsburgh', 'Cleveland', 'Cincinnati', 'Nashville', 'Austin',
  'San Diego', 'San Antonio', 'Honolulu', 'Anchorage', 'Ottawa', 'Toronto', 'Montreal', 'Vancouver', 'Calgary',
  'Edmonton', 'Winnipeg', 'Halifax', 'Quebec City', 'Mexico City', 'Guadalajara', 'Monterrey', 'Tijuana',
  'Guatemala City', 'San Salvador', 'Tegucigalpa', 'Managua', 'San Jose', 'Panama City', 'Havana', 'Kingston',
  'Port-au-Prince', 'Santo Domingo', 'San Juan', 'Caracas', 'Bogota', 'Medellin', 'Quito', 'Guayaquil', 'Lima',
  'La Paz', 'Santiago', 'Buenos Aires', 'Montevideo', 'Asuncion', 'Brasilia', 'Sao Paulo', 'São Paulo',
  'Rio de Janeiro', 'Georgetown', 'Paramaribo',
  // Multilateral venues
  'United Nations',
];

const UPPER = new Set(DATELINE_CITIES.map((c) => c.toUpperCase()));

/** True when `place` (any case) is a listed dateline city. */
export function isDatelineCity(place: string): boolean {
  return UPPER.has(place.toUpperCase());
}

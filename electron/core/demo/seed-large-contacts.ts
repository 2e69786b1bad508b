import type BetterSqlite3 from 'better-sqlite3';
import { contacts, type Civility } from '../db/schema';
import { preparedInserter } from './seed-large-insert';
import type { Random } from './seed-large-random';

const women = ['Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Anne', 'Christine', 'Sophie', 'Céline', 'Julie',
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Hélène', 'Élodie', 'Aurélie', 'Valérie', 'Agnès', 'Zoé'];
const men = ['Jean', 'Pierre', 'Michel', 'Philippe', 'Alain', 'Nicolas', 'Laurent', 'Thomas', 'Julien', 'François',
  'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Olivier', 'Éric', 'Stéphane', 'Jérôme', 'Benoît', 'Cédric', 'Loïc', 'Noé'];
const lastNames = ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont',
  'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin',
  'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin',
  'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson', 'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie',
  'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet',
  'Gaillard', 'Barbier', 'Arnaud', 'Martínez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal'];
const cities = [['75011', 'Paris'], ['69007', 'Lyon'], ['13008', 'Marseille'], ['31000', 'Toulouse'], ['06000', 'Nice'],
  ['44000', 'Nantes'], ['67000', 'Strasbourg'], ['34000', 'Montpellier'], ['33000', 'Bordeaux'], ['59000', 'Lille'],
  ['35000', 'Rennes'], ['51100', 'Reims'], ['42000', 'Saint-Étienne'], ['83000', 'Toulon'], ['38000', 'Grenoble'],
  ['21000', 'Dijon'], ['49000', 'Angers'], ['30000', 'Nîmes'], ['24300', 'Nontron'], ['29200', 'Brest']] as const;
const streets = ['rue des Lilas', 'avenue Jean Jaurès', 'boulevard de la Liberté', 'place du Marché', 'allée des Tilleuls',
  'chemin des Vignes', 'rue de la Gare', 'impasse des Roses'];
const domains = ['example.com', 'example.org', 'example.net', 'example.fr'];

/** What the cases need of their contact: its id, and what the messages print. */
export interface LargeContact {
  id: number;
  civility: Civility;
  firstName: string;
  lastName: string;
  email: string;
  clientNumber: string;
}

const asciiWord = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** `count` private persons (a few companies), each with a unique e-mail address. */
export function insertContacts(sqlite: BetterSqlite3.Database, random: Random, count: number, since: string): LargeContact[] {
  const insert = preparedInserter(sqlite, contacts);
  return Array.from({ length: count }, (_, i) => {
    const civility: Civility = random.chance(0.5) ? 'madame' : 'monsieur';
    const firstName = random.pick(civility === 'madame' ? women : men);
    const lastName = random.pick(lastNames);
    // The index makes the address unique (email_normalized is a unique column).
    const email = `${asciiWord(firstName)}.${asciiWord(lastName)}.${i + 1}@${random.pick(domains)}`;
    const clientNumber = `CLI-${String(i + 1).padStart(6, '0')}`;
    const [postalCode, city] = random.pick(cities);
    const id = insert({
      civility, firstName, lastName, email, emailNormalized: email,
      company: random.chance(0.1) ? `${lastName} et Associés` : null,
      street: `${1 + random.below(120)} ${random.pick(streets)}`, postalCode, city,
      mobile: random.chance(0.8) ? `06${random.digits(8)}` : null,
      landline: random.chance(0.3) ? `01${random.digits(8)}` : null,
      contactIdentifier: clientNumber,
      contractNumber: random.chance(0.5) ? `CT-20${20 + random.below(6)}-${random.digits(5)}` : null,
      createdAt: since,
      updatedAt: since,
    });
    return { id, civility, firstName, lastName, email, clientNumber };
  });
}

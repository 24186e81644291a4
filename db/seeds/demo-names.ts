/** Common first and last names in Finland, Finnish- and Swedish-speaking, for demo clients. */
export const FINNISH_FIRST_NAMES = [
  'Aino', 'Eetu', 'Emma', 'Juho', 'Helmi', 'Onni', 'Venla', 'Elias', 'Sofia', 'Leevi',
  'Iida', 'Niilo', 'Aada', 'Eino', 'Lilja', 'Veeti', 'Pihla', 'Joonas', 'Enni', 'Aleksi',
  'Siiri', 'Lauri', 'Nelli', 'Santeri', 'Vilma', 'Otto', 'Kerttu', 'Topias', 'Minea', 'Arttu',
];
export const SWEDISH_FIRST_NAMES = [
  'Alva', 'Oliver', 'Elsa', 'Hugo', 'Ebba', 'Anton', 'Saga', 'Oskar', 'Wilma', 'Axel',
  'Linnea', 'Viktor', 'Ella', 'Emil', 'Stella', 'Felix',
];
export const OTHER_FIRST_NAMES = ['Amina', 'Mohamed', 'Yasmin', 'Daniel', 'Sara', 'Ali', 'Nadia', 'Artem'];
export const FINNISH_LAST_NAMES = [
  'Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen',
  'Koskinen', 'Järvinen', 'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi',
  'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen', 'Salo', 'Laitinen', 'Tuominen', 'Rantanen',
];
export const SWEDISH_LAST_NAMES = [
  'Lindqvist', 'Nyström', 'Holmström', 'Sjöberg', 'Lindholm', 'Grönroos', 'Eriksson', 'Björklund',
  'Lundberg', 'Forsström', 'Wikström', 'Åberg',
];
export const OTHER_LAST_NAMES = ['Ahmed', 'Hassan', 'Ivanova', 'Nguyen', 'Mohamud', 'Petrov'];

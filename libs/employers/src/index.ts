// Employers, vacancies and speed-date recruitment events.
export {};

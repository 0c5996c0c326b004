// What the panel reads of each record. Personal fields are read masked; the full values
// come only from the audited revealMemberPersonalData mutation.
export const memberFields = `
  id memberNumber fullNameAr fullNameEn nationalIdMasked mobileMasked idKind hasMonthlyIncome personalDataMasked
  email city district gender birthDate preferredChannel preferredLanguage status registeredAt familySize
  maritalStatus employmentStatus consentGiven consentAt createdAt updatedAt version`;

export const userFields = `
  id email fullName roles disabled personalDataAccess language lastSignInAt createdAt version`;

export const auditFields = `
  id actorKind actorLabel action entityType entityId changes at`;

export const requestSummaryFields = `
  id reference type channel status subject submittedAt decisionDueAt createdAt`;

// What the panel reads of each record. Personal fields are read masked; the full values
// come only from the audited revealMemberPersonalData mutation.
export const memberFields = `
  id memberNumber fullNameAr fullNameEn nationalIdMasked mobileMasked idKind hasMonthlyIncome personalDataMasked
  email city district gender birthDate preferredChannel preferredLanguage status registeredAt familySize
  maritalStatus employmentStatus consentGiven consentAt notifyBy notificationsOptOut createdAt updatedAt version`;

/**
 * What the members list shows of a row, and the member pickers (name and number): a search reads
 * 25 of these per keystroke, so a row carries only its columns; a record reads `memberFields`.
 */
export const memberRowFields = `
  id memberNumber fullNameAr nationalIdMasked mobileMasked city status preferredChannel createdAt`;

export const userFields = `
  id email fullName roles disabled personalDataAccess language lastSignInAt createdAt version`;

export const auditFields = `
  id actorKind actorLabel actorName actorRoles action entityType entity entityLabel changes at`;

/** A request type and its rules (the request types screen, the intake wizard). */
export const requestTypeFields = `
  id code nameAr nameEn active attestationRequired committeeDecides decisionPeriodDays involvesMoney
  maxAmount requiredDocumentKinds requiredFields updatedAt version`;

export const requestSummaryFields = `
  id reference type channel status subject submittedAt decisionDueAt createdAt`;

export const requestListFields = `
  id reference type channel status subject submittedAt decisionDueAt daysRemaining dueSoon overdue
  createdAt updatedAt version availableActions
  member { id memberNumber fullNameAr } assignee { id fullName } researcher { id fullName }`;

/** The case file: everything of one request the panel shows, in one query. */
export const requestFields = `
  ${requestListFields}
  description details amountRequested amountApproved incomingLetterNumber editable mayAttachDocuments
  gaps { kind name message }
  clockPausedAt decidedAt decision decisionReason answer completedAt closedAt withdrawnAt resolvedAt
  rules { attestationRequired committeeDecides decisionPeriodDays involvesMoney requiredDocumentKinds requiredFields }
  attestation { status required stale method signedAt recordedByName text version }
  documents { id kind fileName contentType size downloadUrl verification rejectionReason verifiedAt verifiedByName uploadedAt version }
  researchReports { id researcherName visitKind visitDate findings recommendation submitted submittedAt updatedAt version }
  timeline(first: 100) { totalCount edges { node { id kind fromStatus toStatus note actorName at } } }`;

/** A contact with a member (the communications log), on a request's file or a member's. */
export const communicationFields = `
  id channel direction subject body outcome occurredAt handledBy { id fullName } request { id reference }
  articles { id slug titleAr audience }`;

export const articleFields = `
  id slug titleAr titleEn bodyAr bodyEn category audience status publishedAt updatedAt version
  author { id fullName }`;

/** A notification in the outbox: the rendered message, its tries and errors. */
export const notificationFields = `
  id event channel status address: addressMasked subject body html attempts lastError nextAttemptAt sentAt
  providerMessageId createdAt version member { id memberNumber fullNameAr } request { id reference }
  deliveryAttempts { attempt startedAt finishedAt succeeded providerMessageId error }`;

/** A delivery to a partner's webhook: the payload as signed, its tries and errors. */
export const webhookDeliveryFields = `
  id event occurredAt status url requestReference attemptCount nextAttemptAt deliveredAt lastError
  payload webhook { id partnerName }
  attempts { attempt startedAt durationMs succeeded responseCode error }`;

/** A notification template with the placeholders its event fills and its versions. */
export const notificationTemplateFields = `
  id event channel subjectAr subjectEn bodyAr bodyEn placeholders updatedAt version
  versions { version subjectAr subjectEn bodyAr bodyEn createdAt }`;

/** A letter of the register, as its list shows it; one letter adds its printable HTML. */
export const letterFields = `
  id direction registerNumber year serial letterDate correspondent subject body createdAt version
  member { id fullNameAr } request { id reference }
  scan { fileName contentType size uploadedAt downloadUrl }`;

-- Partner scopes renamed to the partner guide's names (existing keys keep their grants) and
-- webhooks:manage added.
ALTER TYPE "PartnerScope" RENAME VALUE 'REQUEST_STATUS_READ' TO 'REQUESTS_READ';
ALTER TYPE "PartnerScope" RENAME VALUE 'REQUEST_SUBMIT' TO 'REQUESTS_SUBMIT';
ALTER TYPE "PartnerScope" RENAME VALUE 'STATISTICS_READ' TO 'STATS_READ';
ALTER TYPE "PartnerScope" ADD VALUE 'WEBHOOKS_MANAGE';

-- The staff reminders' templates (in the panel's bell and by e-mail), for databases seeded
-- before these events existed. A fresh database gets them from the seed with all the others,
-- so they are added only where templates already are. A migration of its own: PostgreSQL does
-- not let the transaction that adds an enum value use it.
INSERT INTO "NotificationTemplate" ("id", "event", "channel", "subjectAr", "subjectEn", "bodyAr", "bodyEn", "updatedAt")
SELECT v.*, now() FROM (VALUES
  (gen_random_uuid(), 'DUE_DATE_REMINDER'::"NotificationEvent", 'IN_APP'::"NotificationChannel", E'تنبيه: موعد القرار في الطلب {{reference}} يقترب', E'Reminder: the decision on {{reference}} is due soon', E'موعد القرار في {{reference}} هو {{dueDate}}.', E'The decision on {{reference}} is due {{dueDate}}.'),
  (gen_random_uuid(), 'DECISION_OVERDUE'::"NotificationEvent", 'EMAIL'::"NotificationChannel", E'تأخر القرار في الطلب {{reference}}', E'The decision on {{reference}} is overdue', E'تجاوز الطلب رقم {{reference}} للعضو {{memberName}} موعد القرار ({{dueDate}}) وحالته {{status}}. يرجى المتابعة.', E'Request {{reference}} of {{memberName}} passed its decision date ({{dueDate}}) and is {{status}}. Please follow it up.'),
  (gen_random_uuid(), 'DECISION_OVERDUE'::"NotificationEvent", 'IN_APP'::"NotificationChannel", E'تأخر القرار في الطلب {{reference}}', E'The decision on {{reference}} is overdue', E'تأخر القرار في {{reference}} عن موعده {{dueDate}}.', E'The decision on {{reference}} is overdue (due {{dueDate}}).'),
  (gen_random_uuid(), 'CASE_ASSIGNED'::"NotificationEvent", 'EMAIL'::"NotificationChannel", E'أُسند إليك الطلب {{reference}}', E'Request {{reference}} was assigned to you', E'أُسند إليك الطلب رقم {{reference}} للعضو {{memberName}}، وموعد القرار {{dueDate}}.', E'Request {{reference}} of {{memberName}} was assigned to you; the decision is due {{dueDate}}.'),
  (gen_random_uuid(), 'CASE_ASSIGNED'::"NotificationEvent", 'IN_APP'::"NotificationChannel", E'أُسند إليك الطلب {{reference}}', E'Request {{reference}} was assigned to you', E'أُسند إليك الطلب {{reference}}.', E'Request {{reference}} was assigned to you.')
) AS v("id", "event", "channel", "subjectAr", "subjectEn", "bodyAr", "bodyEn")
WHERE EXISTS (SELECT 1 FROM "NotificationTemplate")
ON CONFLICT ("event", "channel") DO NOTHING;

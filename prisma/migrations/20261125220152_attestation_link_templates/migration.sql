-- The templates of the attestation link (ATTESTATION_REQUESTED), for databases seeded before
-- this event existed. A fresh database gets them from the seed with all the others, so they
-- are added only where templates already are. A migration of its own: PostgreSQL does not let
-- the transaction that adds an enum value use it.
INSERT INTO "NotificationTemplate" ("id", "event", "channel", "subjectAr", "subjectEn", "bodyAr", "bodyEn", "updatedAt")
SELECT v.*, now() FROM (VALUES
  (gen_random_uuid(), 'ATTESTATION_REQUESTED'::"NotificationEvent", 'EMAIL'::"NotificationChannel", E'وقّع إقرار طلبك {{reference}}', E'Sign the declaration for your request {{reference}}', E'عزيزي/عزيزتي {{memberName}}،\nلاستكمال طلبك رقم {{reference}} نحتاج إلى إقرارك بصحة بياناته. افتح الرابط التالي، واقرأ الإقرار والبيانات، ثم وقّعه:\n{{link}}\nالرابط صالح حتى {{validUntil}} ولمرة واحدة. إن لم تطلب ذلك فتجاهل هذه الرسالة.\nمع تحيات جمعية وصل.', E'Dear {{memberName}},\nTo complete your request {{reference}} we need your declaration that its data are correct. Open this link, read the declaration and the data, then sign:\n{{link}}\nThe link works once, until {{validUntil}}. If you did not ask for this, ignore this message.\nKind regards, Wasl association.'),
  (gen_random_uuid(), 'ATTESTATION_REQUESTED'::"NotificationEvent", 'SMS'::"NotificationChannel", E'وقّع إقرار طلبك {{reference}}', E'Sign the declaration for your request {{reference}}', E'وصل: وقّع إقرار طلبك {{reference}} من الرابط {{link}} (صالح حتى {{validUntil}}).', E'Wasl: sign the declaration for {{reference}} at {{link}} (valid until {{validUntil}}).')
) AS v("id", "event", "channel", "subjectAr", "subjectEn", "bodyAr", "bodyEn")
WHERE EXISTS (SELECT 1 FROM "NotificationTemplate")
ON CONFLICT ("event", "channel") DO NOTHING;

// The partner-verify bench's data, seeded inside the server under test: one partner whose key
// holds membership:verify, and active members to verify (each call asks for one of them).
import type { PrismaClient } from "../../api/db/client.js";
import {
  formatMemberNumber,
  memberSearchText,
  withCheckDigit,
} from "../../api/modules/members/rules.js";
import { generateApiKey } from "../../api/modules/partners/keys.js";

export type BenchPartner = { key: string; nationalIds: string[] };

export async function seedBenchPartner(prisma: PrismaClient, members = 200): Promise<BenchPartner> {
  const nationalIds: string[] = [];
  const rows = Array.from({ length: members }, (_, i) => {
    const identity = {
      memberNumber: formatMemberNumber(700_000 + i),
      nationalId: withCheckDigit(`1${String(20_000_000 + i * 7919).padStart(8, "0")}`),
      fullNameAr: "عضو الاختبار",
      mobile: `+9665${String(30_000_000 + i * 104_729).slice(-8)}`,
      fullNameEn: null,
    };
    nationalIds.push(identity.nationalId);
    return {
      ...identity,
      city: "الرياض",
      status: "ACTIVE" as const,
      registeredAt: new Date(),
      consentGiven: true,
      searchText: memberSearchText(identity),
    };
  });
  await prisma.member.createMany({ data: rows });
  const key = generateApiKey();
  await prisma.partner.create({
    data: {
      name: "Bench bank",
      nameAr: "مصرف القياس",
      contactEmail: "bench@bank.sa",
      apiKeys: {
        create: {
          label: "bench",
          prefix: key.prefix,
          keyHash: key.keyHash,
          scopes: ["MEMBERSHIP_VERIFY"],
        },
      },
    },
  });
  return { key: key.key, nationalIds };
}

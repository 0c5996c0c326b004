// The survey as the member will see it on the answer page (/survey#<token>), from the form's
// values as they are typed: title, introduction, the privacy notice, and each question with
// its scale, choices or text box, in Arabic (right to left) or English. Nothing is sent.
import { Box, Paper, ToggleButton, ToggleButtonGroup, Typography } from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";
import { useWatch } from "react-hook-form";

type PreviewChoice = { value?: string; labelAr?: string; labelEn?: string };
type PreviewQuestion = {
  type?: string;
  textAr?: string;
  textEn?: string;
  required?: boolean;
  choices?: PreviewChoice[] | null;
};
type Language = "ar" | "en";

// The answer page's own words (api/modules/surveys/answer-page.html), in the member's language
// rather than the panel's: the preview shows the page, not the panel.
const memberWords = {
  ar: {
    required: "مطلوب",
    send: "إرسال الإجابات",
    low: "غير راضٍ إطلاقاً",
    high: "راضٍ جداً",
    npsLow: "غير محتمل إطلاقاً",
    npsHigh: "محتمل جداً",
    anonymous: "إجاباتك سرّية: لا تُحفظ مرتبطة باسمك ولا بطلبك، ولا تُعرض إلا ضمن مجموعات.",
    named: "تُحفظ إجاباتك مرتبطة بطلبك ليتابعها فريق الجمعية لتحسين الخدمة.",
  },
  en: {
    required: "required",
    send: "Send my answers",
    low: "Not at all satisfied",
    high: "Very satisfied",
    npsLow: "Not at all likely",
    npsHigh: "Extremely likely",
    anonymous:
      "Your answers are anonymous: they are not kept with your name or request, and are shown only in groups.",
    named:
      "Your answers are kept with your request so that the association can follow up and improve.",
  },
} as const;

function Scale({ from, to, low, high }: { from: number; to: number; low: string; high: string }) {
  const values = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <>
      <Box dir="ltr" sx={{ display: "flex", gap: 0.5, flexWrap: "wrap" }}>
        {values.map((value) => (
          <Box
            key={value}
            sx={{
              flex: "1 0 2.2rem",
              textAlign: "center",
              py: 0.75,
              border: 1,
              borderColor: "grey.500",
              borderRadius: 1,
            }}
          >
            {value}
          </Box>
        ))}
      </Box>
      {/* Left to right like the scale, so each end's word sits under its end. */}
      <Box
        dir="ltr"
        data-testid="preview-scale-ends"
        sx={{ display: "flex", justifyContent: "space-between", fontSize: "0.8rem", mt: 0.5 }}
      >
        <span>{low}</span>
        <span>{high}</span>
      </Box>
    </>
  );
}

function QuestionPreview({
  question,
  language,
}: {
  question: PreviewQuestion;
  language: Language;
}) {
  const w = memberWords[language];
  const text = (language === "ar" ? question.textAr : question.textEn) ?? "";
  const multiple = question.type === "MULTIPLE_CHOICE";
  return (
    <Paper component="fieldset" variant="outlined" sx={{ p: 1.5, mb: 1.5, border: 0 }}>
      <Typography component="legend" sx={{ fontWeight: 600, mb: 1, p: 0 }}>
        {text}
        {question.required !== false && (
          <Box component="span" sx={{ color: "error.main" }}>{` (${w.required})`}</Box>
        )}
      </Typography>
      {question.type === "RATING" && <Scale from={1} to={5} low={w.low} high={w.high} />}
      {question.type === "NPS" && <Scale from={0} to={10} low={w.npsLow} high={w.npsHigh} />}
      {(question.type === "SINGLE_CHOICE" || multiple) &&
        (question.choices ?? []).map((choice, i) => (
          <Box
            component="label"
            // biome-ignore lint/suspicious/noArrayIndexKey: choices are edited in place; the index is their identity here
            key={i}
            sx={{ display: "flex", gap: 1, alignItems: "center" }}
          >
            <input type={multiple ? "checkbox" : "radio"} disabled />
            <span>{language === "ar" ? choice.labelAr : choice.labelEn}</span>
          </Box>
        ))}
      {question.type === "FREE_TEXT" && (
        <Box
          component="textarea"
          disabled
          aria-label={text}
          sx={{ width: "100%", minHeight: "4rem", boxSizing: "border-box" }}
        />
      )}
    </Paper>
  );
}

export function SurveyPreview() {
  const translate = useTranslate();
  const [language, setLanguage] = useState<Language>("ar");
  const [titleAr, titleEn, introAr, introEn, anonymous, questions] = useWatch({
    name: ["titleAr", "titleEn", "introAr", "introEn", "anonymous", "questions"],
  }) as [string, string, string, string, boolean, PreviewQuestion[] | undefined];
  const w = memberWords[language];
  const intro = language === "ar" ? introAr : introEn;
  const shown = (questions ?? []).filter(Boolean);
  return (
    <Box sx={{ position: { lg: "sticky" }, top: 80 }}>
      <Box sx={{ display: "flex", justifyContent: "space-between", alignItems: "center", mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate("resources.surveys.sections.preview")}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={language}
          onChange={(_, value: Language | null) => value && setLanguage(value)}
        >
          <ToggleButton value="ar">العربية</ToggleButton>
          <ToggleButton value="en">English</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      <Box
        data-testid="survey-preview"
        dir={language === "ar" ? "rtl" : "ltr"}
        lang={language}
        sx={{ bgcolor: "#f5f7f6", borderRadius: 2, p: 2, maxWidth: 420, mx: "auto" }}
      >
        <Typography variant="h6" component="h2" sx={{ color: "#0b6e4f" }}>
          {language === "ar" ? titleAr : titleEn}
        </Typography>
        {intro && <Typography sx={{ my: 1 }}>{intro}</Typography>}
        <Typography
          variant="body2"
          sx={{ my: 1, p: 1, bgcolor: "background.paper", borderRadius: 1 }}
        >
          {anonymous !== false ? w.anonymous : w.named}
        </Typography>
        {shown.length ? (
          shown.map((question, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the question's place is its identity while editing
            <QuestionPreview key={i} question={question} language={language} />
          ))
        ) : (
          <Typography color="text.secondary">
            {translate("resources.surveys.preview_empty")}
          </Typography>
        )}
        <Box
          component="span"
          sx={{
            display: "inline-block",
            bgcolor: "#0b6e4f",
            color: "#fff",
            borderRadius: 1,
            px: 2,
            py: 0.75,
          }}
        >
          {w.send}
        </Box>
      </Box>
    </Box>
  );
}

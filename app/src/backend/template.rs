//! The built-in hearing template: the municipal development plan for school and
//! day care, 42 proposals in nine areas.

pub struct TemplateSection {
    pub title: &'static str,
    pub description: &'static str,
    pub items: &'static [&'static str],
}

pub struct Template {
    pub title: &'static str,
    pub intro: &'static str,
    pub sections: &'static [TemplateSection],
}

pub const DEVELOPMENT_PLAN: Template = Template {
    title: "Høring om udviklingsplan for skole og dagtilbud",
    intro: "Børne- og Ungeudvalget har sendt forslaget til udviklingsplan for skole og dagtilbud 2027–2030 i høring.\n\n\
Planen indeholder 42 konkrete indsatser fordelt på ni indsatsområder. Vi beder jer tage stilling til hver indsats: er I enige, uenige, eller ved I det ikke? I kan skrive en kommentar til hver indsats og en generel kommentar til sidst.\n\n\
Svaret afgives samlet for bestyrelsen, udvalget eller organisationen. Alle med linket kan arbejde i den samme kladde, og I kan rette jeres svar frem til høringsfristen.",
    sections: &[
        TemplateSection {
            title: "Status på folkeskolereformens indsatsområder",
            description: "Den understøttende undervisning, bevægelse og den åbne skole.",
            items: &[
                "Den understøttende undervisning samles i faste ugentlige lektioner med et tydeligt fagligt formål for hver årgang.",
                "Alle elever har mindst 45 minutters bevægelse om dagen, fordelt på fag og frikvarterer.",
                "Hver skole indgår mindst tre aftaler om åben skole med lokale foreninger, virksomheder eller kulturinstitutioner.",
                "Lektiecafeen flyttes til skoledagens sidste time, så alle elever kan deltage.",
                "Skolerne måler årligt elevernes trivsel og offentliggør en handleplan på skolens hjemmeside.",
            ],
        },
        TemplateSection {
            title: "Digitalisering",
            description: "Digitale læremidler, dannelse og kompetencer.",
            items: &[
                "Alle elever fra 3. klasse får en personlig computer, som skolen vedligeholder.",
                "Der indføres en fælles plan for digital dannelse fra børnehaveklasse til 9. klasse.",
                "Lærere og pædagoger får 20 timers efteruddannelse i brug af digitale læremidler.",
                "Forældrekommunikation samles i én platform med automatisk oversættelse til de mest udbredte sprog.",
                "Mobiltelefoner opbevares i skoletiden, undtagen når de bruges i undervisningen.",
            ],
        },
        TemplateSection {
            title: "Program for Læringsledelse",
            description: "Ledelse af læring på alle niveauer, fra forvaltning til klasselokale.",
            items: &[
                "Skoleledelsen holder læringssamtaler med hvert årgangsteam to gange om året.",
                "Data om elevernes læring og trivsel drøftes på faste teammøder hver sjette uge.",
                "Hver skole udpeger en læringsvejleder med tid afsat i opgaveoversigten.",
                "Forvaltningen udgiver en årlig kvalitetsrapport med fokus på progression frem for niveau.",
                "Nyuddannede lærere og pædagoger får en mentor det første år.",
            ],
        },
        TemplateSection {
            title: "Inklusion/eksklusion",
            description: "Flere børn i fællesskabet og færre i særlige tilbud.",
            items: &[
                "Der oprettes et inklusionsteam på hver skole med lærer, pædagog og psykolog.",
                "Andelen af elever i specialtilbud nedbringes gradvist over fire år, med midlerne fulgt over i almenskolen.",
                "Elever, der vender tilbage fra et specialtilbud, får en plan for tilbagevenden udarbejdet med forældrene.",
                "Klasser med særlige udfordringer kan få tildelt to-voksen-timer efter ansøgning.",
                "Forældre til børn med særlige behov får én fast kontaktperson i forvaltningen.",
            ],
        },
        TemplateSection {
            title: "PLC",
            description: "Pædagogiske læringscentre som drivkraft for udvikling.",
            items: &[
                "Hver skoles pædagogiske læringscenter bemandes mindst 30 timer om ugen.",
                "PLC tilbyder vejledning i læsning, matematik og digitale læremidler til alle team.",
                "Skolebiblioteket holder åbent for elever i alle frikvarterer.",
                "PLC-vejlederne mødes i et kommunalt netværk fire gange om året.",
            ],
        },
        TemplateSection {
            title: "Gode overgange",
            description: "Fra hjem til dagtilbud, fra dagtilbud til skole, og videre til ungdomsuddannelse.",
            items: &[
                "Der laves en fælles overgangsbeskrivelse for hvert barn ved skift fra dagtilbud til skole; forældrene giver samtykke.",
                "Pædagoger fra dagtilbud følger børnene i de første uger i børnehaveklassen.",
                "Kommende skolebørn besøger skolen mindst tre gange i foråret før skolestart.",
                "Elever i 8. klasse får et brobygningsforløb på en ungdomsuddannelse.",
                "Overlevering mellem skole og fritidstilbud sker på et fast møde i august.",
            ],
        },
        TemplateSection {
            title: "Kvalitet i dagtilbud",
            description: "Den styrkede pædagogiske læreplan, normeringer og fysiske rammer.",
            items: &[
                "Minimumsnormeringerne overholdes i hvert enkelt dagtilbud, ikke kun som gennemsnit for kommunen.",
                "Hvert dagtilbud evaluerer sin pædagogiske læreplan hvert andet år med forældrebestyrelsen.",
                "Der afsættes midler til at forbedre indeklimaet i de ældste institutioner.",
                "Andelen af uddannet pædagogisk personale øges til 70 procent inden 2030.",
                "Forældre får mulighed for en årlig samtale om deres barns trivsel og udvikling.",
            ],
        },
        TemplateSection {
            title: "Tidlig indsats",
            description: "Hjælp tidligt i barnets liv og tidligt i problemets udvikling.",
            items: &[
                "Sprogvurdering af alle 3-årige gennemføres af sprogpædagoger.",
                "Tværfaglige teams (PPR, sundhedspleje, socialrådgiver) mødes hver 6. uge.",
                "Sundhedsplejen tilbyder et ekstra hjemmebesøg til familier med behov.",
                "Bekymringer om et barns trivsel skal kunne drøftes med PPR inden for 14 dage.",
            ],
        },
        TemplateSection {
            title: "Tosprogede",
            description: "Sprog, skolegang og samarbejde med familier med et andet modersmål end dansk.",
            items: &[
                "Forældremøder tilbydes med tolk på de mest udbredte sprog.",
                "Tosprogede elever visiteres til dansk som andetsprog på deres egen skole frem for på en modtageskole.",
                "Modersmålsundervisning tilbydes til alle elever, hvor der er mindst 12 tilmeldte.",
                "Der ansættes kulturmødemedarbejdere, der kan bygge bro mellem skole og hjem.",
            ],
        },
    ],
};

impl Template {
    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_development_plan_has_42_proposals_in_nine_areas() {
        assert_eq!(DEVELOPMENT_PLAN.sections.len(), 9);
        assert_eq!(DEVELOPMENT_PLAN.item_count(), 42);
        assert!(DEVELOPMENT_PLAN
            .sections
            .iter()
            .all(|s| !s.items.is_empty()));
    }
}

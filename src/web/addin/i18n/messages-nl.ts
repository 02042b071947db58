// Dutch texts of the Outlook add-in (namespace "addin"; the shared words — statuses, answers,
// availability, problems — come from the common namespace). Plain language (B1), as the tab.
export const addinMessagesNl = {
  frame: {
    title: 'Workshopplanner',
    mailSurface: 'Aanmelding verwerken',
    appointmentSurface: 'Workshopoptie',
  },
  outside: {
    title: 'Open deze pagina vanuit Outlook',
    text: 'Dit is het deel van Workshopplanner voor Outlook. Open in Outlook een aanmeldingsmail en kies "Aanmelding verwerken", of open een agenda-item en kies "Workshopoptie".',
    toTab: 'De planning zelf staat in Workshopplanner in Teams of in de browser.',
    openTab: 'Workshopplanner openen',
  },
  signIn: {
    title: 'Aanmelden bij Workshopplanner',
    intro:
      'Meld u aan met uw werkaccount om deze mail of afspraak met Workshopplanner te verwerken.',
    button: 'Aanmelden',
    waiting: 'Meld u aan in het venster dat is geopend…',
    dialogClosed: 'Het aanmeldvenster is gesloten voordat u was aangemeld. Probeer het opnieuw.',
    dialogFailed:
      'Het aanmeldvenster kon niet worden geopend ({{code}}). Sta pop-ups voor Outlook toe en probeer het opnieuw.',
    failedBefore: 'Aanmelden is niet gelukt. Probeer het opnieuw.',
    dialogDone: 'U bent aangemeld. Dit venster sluit vanzelf.',
  },
  noAccess: {
    mail: 'Alleen accounthouders van een RIEC kunnen een aanmelding verwerken. Vraag de functioneel beheerder om toegang.',
    appointment:
      'U heeft geen rol waarmee u workshops kunt zien. Vraag de functioneel beheerder om toegang.',
  },
  mail: {
    reading: 'De mail wordt gelezen…',
    readFailed: 'De mail kon niet worden gelezen. Open de mail opnieuw en probeer het nog eens.',
    from: 'Van {{from}}, ontvangen {{when}}',
    municipality: {
      legend: 'Gemeente',
      label: 'Gemeente',
      placeholder: 'Typ een deel van de naam',
      none: 'Geen gemeente gevonden',
      recognised: 'Herkend in de mail: {{name}}. Klopt dat niet, kies dan een andere.',
      notRecognised: 'De gemeente is niet herkend in de mail. Kies de gemeente.',
      notYours: '{{name}} valt niet onder uw RIEC. Kies een gemeente uit de lijst.',
      signedUp: '{{name}} ({{status}})',
      alreadySignedUp:
        '{{name}} is al aangemeld (stand: {{status}}). Volg deze aanmelding in Workshopplanner.',
    },
    slots: {
      legend: 'Voorkeuren uit de mail',
      none: 'In de mail zijn geen data gevonden. Vul de voorkeuren zelf in.',
      slotLegend: 'Voorkeur {{number}}',
      prefix: 'Voorkeur {{number}}: ',
      date: 'Datum',
      start: 'Begintijd',
      end: 'Eindtijd',
      assumedEnd: 'Eindtijd aangenomen',
      assumedEndHint:
        'De mail noemt geen eindtijd: de gebruikelijke duur is ingevuld. Controleer de eindtijd.',
      source: 'Uit de mail: “{{source}}”',
      preview: 'Dat is {{slot}}.',
      incomplete: 'Vul de datum, begintijd en eindtijd in (Nederlandse tijd).',
      remove: 'Voorkeur {{number}} verwijderen',
      add: 'Voorkeur toevoegen',
      tooMany:
        'De mail noemt {{count}} momenten; er kunnen er drie worden voorgesteld. Verwijder de momenten die afvallen.',
    },
    questions: {
      title: 'Vragen aan de gemeente',
      intro: 'Dit laat de mail open. Vraag het na voordat u de opties plaatst:',
    },
    contact: {
      legend: 'Contactpersoon en scan',
      name: 'Contactpersoon bij de gemeente',
      email: 'E-mailadres van de contactpersoon',
      hint: 'Standaard het kabinet van de burgemeester: die krijgt de uitnodiging. De afzender staat bij de opmerkingen.',
      remarks: 'Opmerkingen',
      scan: 'Bestuurlijke weerbaarheidsscan',
    },
    availability: {
      title: 'Beschikbaarheid van de trainers',
      loading: 'De agenda’s van de trainers worden bekeken…',
      waiting: 'Vul eerst de voorkeuren volledig in; dan ziet u wie er kan.',
      slotTitle: 'Voorkeur {{number}}: {{slot}}',
      trainer: '{{name}} ({{organisation}}):',
      notVisible: '{{organisation}}, agenda niet zichtbaar',
    },
    pairs: {
      title: 'Trainerspaar',
      none: 'Er is geen trainerspaar beschikbaar. Neem contact op met de coördinator.',
    },
    submit: {
      button: 'Aanmelden en opties plaatsen',
      hint: 'Legt de aanmelding vast en stuurt de trainers drie opties als uitnodiging.',
      action: 'Aanmelden en opties plaatsen',
      step: 'Stap {{step}} van 2: {{label}}',
      registering: 'De aanmelding wordt vastgelegd…',
      proposing: 'De opties worden bij de trainers geplaatst…',
      registeredOnly:
        'De aanmelding van {{name}} is vastgelegd, maar de opties zijn nog niet geplaatst. Probeer het opnieuw: de aanmelding wordt niet dubbel vastgelegd.',
    },
    result: {
      title: 'Opties geplaatst voor {{name}}',
      text: '{{berenschot}} en {{riec}} hebben de opties als uitnodiging gekregen. Hun antwoorden ziet u in Workshopplanner.',
      status: 'Stand van de aanmelding:',
      options: 'Geplaatste opties',
      warnings: 'Let op:',
      openTab: 'Aanmelding openen in Workshopplanner',
      tabHint: 'Daar bevestigt u later de datum waarop beide trainers kunnen.',
    },
  },
  appointment: {
    loading: 'De aanmelding bij deze afspraak wordt gezocht…',
    readFailed: 'Het agenda-item kon niet worden gelezen. Open het opnieuw.',
    noMatch:
      'Bij deze afspraak is geen aanmelding gevonden in Workshopplanner. Misschien is de optie al vervallen, is de tijd gewijzigd of mag u deze aanmelding niet zien.',
    title: 'Workshop gemeente {{name}}',
    thisOption: 'Deze afspraak is optie {{number}} van {{count}}.',
    thisWorkshop: 'Deze afspraak is de bevestigde workshop.',
    status: 'Stand:',
    pair: 'Trainers: {{berenschot}} (Berenschot) en {{riec}} (RIEC)',
    options: 'Alle opties',
    optionLabel: 'Optie {{number}}',
    current: 'deze afspraak',
    confirmed: 'bevestigd',
    answerOf: '{{name}}:',
    yourAnswer: 'Uw antwoord:',
    lapses: 'De opties vervallen op {{when}} als er niet eerder is bevestigd.',
    readOnly: 'Alleen lezen. Accepteren of afwijzen doet u in de uitnodiging zelf.',
    openTab: 'Aanmelding openen in Workshopplanner',
  },
  // The workshop sheet on the confirmed workshop's meeting (issue 14, item 4).
  sheet: {
    person: '{{name}} — {{party}}, {{side}}',
    noParty: 'geen fractie',
    noAttendees: 'De griffie heeft nog geen deelnemers doorgegeven.',
    noGroups: 'Deelnemers doorgegeven: {{count}}. Er zijn nog geen groepen gemaakt.',
    readOnly:
      'Alleen lezen. Deelnemers invoeren, groepen maken en mensen verplaatsen doet u in Workshopplanner, op de pagina Voorbereiding.',
    openTab: 'Voorbereiding openen in Workshopplanner',
    refused:
      'U kunt het werkblad van deze workshop niet zien. Alleen de twee trainers van deze workshop en de accounthouder van het RIEC van de gemeente zien de deelnemers en de groepen.',
  },
};

export type AddinMessages = typeof addinMessagesNl;

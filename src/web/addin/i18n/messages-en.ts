// English texts of the Outlook add-in: the same keys as Dutch (the type says so).
import type { AddinMessages } from './messages-nl.js';

export const addinMessagesEn: AddinMessages = {
  frame: {
    title: 'Workshopplanner',
    mailSurface: 'Process sign-up',
    appointmentSurface: 'Workshop option',
  },
  outside: {
    title: 'Open this page from Outlook',
    text: 'This is the Outlook part of Workshopplanner. In Outlook, open a sign-up e-mail and choose "Aanmelding verwerken" (Process sign-up), or open a calendar item and choose "Workshopoptie" (Workshop option).',
    toTab: 'The planning itself is in Workshopplanner in Teams or in the browser.',
    openTab: 'Open Workshopplanner',
  },
  signIn: {
    title: 'Sign in to Workshopplanner',
    intro:
      'Sign in with your work account to process this e-mail or appointment with Workshopplanner.',
    button: 'Sign in',
    waiting: 'Sign in in the window that opened…',
    dialogClosed: 'The sign-in window was closed before you were signed in. Please try again.',
    dialogFailed:
      'The sign-in window could not be opened ({{code}}). Allow pop-ups for Outlook and try again.',
    failedBefore: 'Signing in did not work. Please try again.',
    dialogDone: 'You are signed in. This window closes by itself.',
  },
  noAccess: {
    mail: 'Only RIEC account holders can process a sign-up. Ask the application manager for access.',
    appointment:
      'You have no role that lets you see workshops. Ask the application manager for access.',
  },
  mail: {
    reading: 'Reading the e-mail…',
    readFailed: 'The e-mail could not be read. Open it again and retry.',
    from: 'From {{from}}, received {{when}}',
    municipality: {
      legend: 'Municipality',
      label: 'Municipality',
      placeholder: 'Type part of the name',
      none: 'No municipality found',
      recognised: 'Recognised in the e-mail: {{name}}. If that is wrong, choose another one.',
      notRecognised: 'The municipality was not recognised in the e-mail. Choose it.',
      notYours: '{{name}} is not one of your RIEC’s municipalities. Choose one from the list.',
      signedUp: '{{name}} ({{status}})',
      alreadySignedUp:
        '{{name}} has already signed up (status: {{status}}). Follow this sign-up in Workshopplanner.',
    },
    slots: {
      legend: 'Preferences from the e-mail',
      none: 'No dates were found in the e-mail. Enter the preferences yourself.',
      slotLegend: 'Preference {{number}}',
      prefix: 'Preference {{number}}: ',
      date: 'Date',
      start: 'Start time',
      end: 'End time',
      assumedEnd: 'End time assumed',
      assumedEndHint:
        'The e-mail gives no end time: the usual length was filled in. Check the end time.',
      source: 'From the e-mail: “{{source}}”',
      preview: 'That is {{slot}}.',
      incomplete: 'Enter the date, start time and end time (Dutch time).',
      remove: 'Remove preference {{number}}',
      add: 'Add a preference',
      tooMany:
        'The e-mail mentions {{count}} moments; three can be proposed. Remove the ones that drop out.',
    },
    questions: {
      title: 'Questions for the municipality',
      intro: 'The e-mail leaves this open. Ask before you place the options:',
    },
    contact: {
      legend: 'Contact and scan',
      name: 'Contact person at the municipality',
      email: 'E-mail address of the contact person',
      hint: 'The mayor’s office by default: it receives the invitation. The sender is in the remarks.',
      remarks: 'Remarks',
      scan: 'Administrative resilience scan',
    },
    availability: {
      title: 'Trainers’ availability',
      loading: 'Looking at the trainers’ calendars…',
      waiting: 'Complete the preferences first; then you see who is available.',
      slotTitle: 'Preference {{number}}: {{slot}}',
      trainer: '{{name}} ({{organisation}}):',
      notVisible: '{{organisation}}, calendar not visible',
    },
    pairs: {
      title: 'Trainer pair',
      none: 'No trainer pair is available. Contact the coordinator.',
    },
    submit: {
      button: 'Sign up and place options',
      hint: 'Records the sign-up and sends the trainers three options as invitations.',
      action: 'Sign up and place options',
      step: 'Step {{step}} of 2: {{label}}',
      registering: 'Recording the sign-up…',
      proposing: 'Placing the options with the trainers…',
      registeredOnly:
        'The sign-up of {{name}} is recorded, but the options are not placed yet. Please try again: the sign-up is not recorded twice.',
    },
    result: {
      title: 'Options placed for {{name}}',
      text: '{{berenschot}} and {{riec}} received the options as invitations. You see their answers in Workshopplanner.',
      status: 'Status of the sign-up:',
      options: 'Options placed',
      warnings: 'Please note:',
      openTab: 'Open the sign-up in Workshopplanner',
      tabHint: 'That is where you later confirm the date both trainers can make.',
    },
  },
  appointment: {
    loading: 'Looking for the sign-up of this appointment…',
    readFailed: 'The calendar item could not be read. Open it again.',
    noMatch:
      'No sign-up in Workshopplanner matches this appointment. The option may have lapsed, its time may have changed, or you may not see this sign-up.',
    title: 'Workshop municipality of {{name}}',
    thisOption: 'This appointment is option {{number}} of {{count}}.',
    thisWorkshop: 'This appointment is the confirmed workshop.',
    status: 'Status:',
    pair: 'Trainers: {{berenschot}} (Berenschot) and {{riec}} (RIEC)',
    options: 'All options',
    optionLabel: 'Option {{number}}',
    current: 'this appointment',
    confirmed: 'confirmed',
    answerOf: '{{name}}:',
    yourAnswer: 'Your answer:',
    lapses: 'The options lapse on {{when}} unless one is confirmed before.',
    readOnly: 'Read only. Accept or decline in the invitation itself.',
    openTab: 'Open the sign-up in Workshopplanner',
  },
  // The workshop sheet on the confirmed workshop's meeting (issue 14, item 4).
  sheet: {
    person: '{{name}} — {{party}}, {{side}}',
    noParty: 'no party',
    noAttendees: 'The clerk’s office has not sent any attendees yet.',
    noGroups: 'Attendees sent: {{count}}. No groups have been made yet.',
    readOnly:
      'Read-only. Entering attendees, making groups and moving people is done in Workshopplanner, on the Preparation page.',
    openTab: 'Open Preparation in Workshopplanner',
    refused:
      'You cannot see the sheet of this workshop. Only the two trainers of this workshop and the account holder of the municipality’s RIEC see the attendees and the groups.',
  },
};

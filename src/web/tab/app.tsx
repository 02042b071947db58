import { FluentProvider, Title1, Body1, webLightTheme } from '@fluentui/react-components';

export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title1 as="h1">Workshopplanner</Title1>
        <Body1>Weerbaarheid, integriteit en ondermijning</Body1>
      </main>
    </FluentProvider>
  );
}

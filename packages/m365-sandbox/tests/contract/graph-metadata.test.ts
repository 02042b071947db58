// The contract checker itself: it must accept what Graph documents and reject what it does not,
// or the sandbox contract tests prove nothing.
import { describe, expect, it } from '@jest/globals';
import {
  checkAgainstType,
  findProperty,
  graphMetadata,
  parseMetadata,
  typeChain,
} from './graph-metadata.js';

const SMALL_CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="contoso.model" Alias="cm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="size"><Member Name="small" Value="0" /><Member Name="large" Value="1" /></EnumType>
      <EnumType Name="days" IsFlags="true"><Member Name="monday" Value="1" /><Member Name="friday" Value="16" /></EnumType>
      <EntityType Name="thing" Abstract="true">
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="widget" BaseType="cm.thing">
        <Property Name="size" Type="cm.size" />
        <Property Name="days" Type="cm.days" />
        <Property Name="count" Type="Edm.Int32" Nullable="false" />
        <Property Name="tags" Type="Collection(Edm.String)" />
        <Property Name="madeOn" Type="Edm.Date" />
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

describe('the CSDL index', () => {
  const small = parseMetadata(SMALL_CSDL);

  it('resolves aliases and base types of a hand-made schema', () => {
    expect(typeChain(small, 'contoso.model.widget').map((t) => t.fullName)).toEqual([
      'contoso.model.widget',
      'contoso.model.thing',
    ]);
    expect(small.types.get('contoso.model.widget')?.properties.get('size')?.type).toBe(
      'contoso.model.size',
    );
  });

  it('checks a hand-made schema: inherited id, enums, flags, integers, dates', () => {
    const check = (json: unknown) => checkAgainstType('contoso.model.widget', json, small);
    expect(
      check({ id: 'w1', size: 'large', days: 'monday,friday', count: 3, madeOn: '2022-06-14' }),
    ).toEqual([]);
    expect(check({ id: null })).toEqual(['$.id: null is not allowed (Nullable="false")']);
    expect(check({ id: 'w1', size: 'medium' })).toHaveLength(1);
    expect(check({ id: 'w1', days: 'monday,sunday' })[0]).toMatch(/'sunday' is not a member/);
    expect(check({ id: 'w1', count: 2.5 })[0]).toMatch(/\$\.count: expected an integer/);
    expect(check({ id: 'w1', madeOn: '2022-02-30' })[0]).toMatch(/\$\.madeOn/);
    expect(check({ id: 'w1', tags: ['a', 7] })).toEqual([
      '$.tags[1]: expected a string (Edm.String), got number 7',
    ]);
  });

  it('reads the whole Graph v1.0 metadata with event → outlookItem → entity', () => {
    const index = graphMetadata();
    expect(index.types.size).toBeGreaterThan(1000);
    expect(typeChain(index, 'microsoft.graph.event').map((t) => t.fullName)).toEqual([
      'microsoft.graph.event',
      'microsoft.graph.outlookItem',
      'microsoft.graph.entity',
    ]);
    expect(findProperty(index, 'event', 'categories')?.type).toBe('Collection(Edm.String)');
    expect(findProperty(index, 'listItem', 'fields')?.navigation).toBe(true);
    expect(index.enums.get('microsoft.graph.freeBusyStatus')?.members.has('tentative')).toBe(true);
  });
});

describe('checkAgainstType on Graph types', () => {
  const event = {
    '@odata.etag': 'W/"abc"',
    id: 'AAMk1',
    subject: 'OPTIE workshop',
    categories: ['Workshop weerbaarheid'],
    showAs: 'tentative',
    isAllDay: false,
    createdDateTime: '2022-05-02T09:00:00.1234567Z',
    start: { dateTime: '2022-06-14T19:30:00.0000000', timeZone: 'UTC' },
    attendees: [
      {
        type: 'required',
        emailAddress: { address: 'fatima.amrani@riec.nl', name: 'Fatima Amrani' },
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      },
    ],
  };

  it('accepts an event that keeps to the metadata, inherited properties included', () => {
    expect(checkAgainstType('event', event)).toEqual([]);
  });

  it('rejects an unknown property, even on an entity the metadata marks open', () => {
    expect(checkAgainstType('event', { ...event, colour: 'red' })).toEqual([
      "$.colour: property 'colour' is not declared on microsoft.graph.event",
    ]);
  });

  it('rejects a value of the wrong type', () => {
    expect(checkAgainstType('event', { ...event, isAllDay: 'no' })).toEqual([
      '$.isAllDay: expected true or false (Edm.Boolean), got string "no"',
    ]);
    expect(checkAgainstType('event', { ...event, categories: 'Workshop' })[0]).toMatch(
      /expected an array/,
    );
  });

  it('rejects an enum value that is not a member, also in nested complex types', () => {
    expect(checkAgainstType('event', { ...event, showAs: 'Tentative' })[0]).toMatch(
      /'Tentative' is not a member of microsoft.graph.freeBusyStatus/,
    );
    const attendee = { ...event.attendees[0], status: { response: 'yes' } };
    expect(checkAgainstType('event', { ...event, attendees: [attendee] })[0]).toMatch(
      /^\$\.attendees\[0\]\.status\.response: 'yes' is not a member/,
    );
  });

  it('rejects a date-time without offset and a malformed GUID', () => {
    expect(
      checkAgainstType('listItem', { id: '1', createdDateTime: '2022-06-14T19:30:00' })[0],
    ).toMatch(/createdDateTime: expected an ISO 8601 date and time with offset/);
    expect(
      checkAgainstType('appRoleAssignment', { appRoleId: '1b8f3c2a-7e45-4d91-a6c0-3f2e8d7b5a14' }),
    ).toEqual([]);
    expect(checkAgainstType('appRoleAssignment', { appRoleId: 'access_as_user' })[0]).toMatch(
      /appRoleId: expected a GUID/,
    );
    expect(checkAgainstType('attachment', { id: 'a', size: 'big' })[0]).toMatch(/Edm.Int32/);
  });

  it('keeps fieldValueSet and identitySet open, and checks expanded navigation properties', () => {
    const item = {
      id: '1',
      createdBy: { user: { id: 'u', displayName: 'Sanne', email: 'sanne.devries@riec.nl' } },
      'fields@odata.context': 'https://localhost/v1.0/$metadata#…',
      fields: { '@odata.etag': '"g,1"', Title: 'Haarlem', Aantal: 3, Whatever: null },
    };
    expect(checkAgainstType('listItem', item)).toEqual([]);
    expect(checkAgainstType('listItem', { ...item, fields: 'Haarlem' })[0]).toMatch(
      /\$\.fields: expected an object/,
    );
  });

  it('follows @odata.type to a derived type and rejects one that does not derive', () => {
    const derived = { '@odata.type': '#microsoft.graph.attendee', type: 'required' };
    expect(checkAgainstType('Collection(microsoft.graph.attendeeBase)', [derived])).toEqual([]);
    const unrelated = { '@odata.type': '#microsoft.graph.user', type: 'required' };
    expect(checkAgainstType('Collection(attendeeBase)', [unrelated])[0]).toMatch(
      /does not derive from microsoft.graph.attendeeBase/,
    );
  });

  it('names a type that is not in the metadata as a test error, not a violation', () => {
    expect(() => checkAgainstType('noSuchType', {})).toThrow(/not in the Graph metadata/);
  });
});

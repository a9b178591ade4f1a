import { UserRole } from '@civic/domain';
import { groupsFromClaim, mapGroups } from './group-mapping';

describe('single sign-on group mapping', () => {
  const mappings = [
    { group: 'civic-admins', roles: [UserRole.Admin], channelAccountIds: [] },
    { group: 'Zabıta', roles: [UserRole.Officer], channelAccountIds: ['a'] },
    { group: '/basin', roles: [UserRole.Officer, UserRole.MayorOffice], channelAccountIds: ['b'] },
  ];

  it('unites the roles and grants of every matching group, ignoring case and Keycloak path slashes', () => {
    expect(mapGroups(['/zabıta', 'basin', 'other'], mappings)).toEqual({
      roles: [UserRole.Officer, UserRole.MayorOffice],
      channelAccountIds: ['a', 'b'],
    });
  });

  it('maps unknown groups to nothing', () => {
    expect(mapGroups(['other'], mappings)).toEqual({ roles: [], channelAccountIds: [] });
  });

  it('reads a claim given as a list, a single string or missing', () => {
    expect(groupsFromClaim(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(groupsFromClaim('a')).toEqual(['a']);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });
});

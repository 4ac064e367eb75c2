import { useState } from 'react';
import { RoomsSection } from '../rooms/RoomsSection.js';
import { StaffSection } from '../staff/StaffSection.js';

/** Rooms and staff on one screen: a setting sets both up together, and one switch shows the archived of each. */
export function PeoplePage() {
  const [showArchived, setShowArchived] = useState(false);
  return (
    <>
      <h1>Rooms and staff</h1>
      <div className="checkbox">
        <input id="people-archived" type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        <label htmlFor="people-archived">Show archived rooms and staff who have left</label>
      </div>
      <RoomsSection showArchived={showArchived} />
      <StaffSection showArchived={showArchived} />
    </>
  );
}

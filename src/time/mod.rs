//! Time zones and the clock: when a session happens, in which zone. Below the availability
//! model, the planner and the renderers, which all read dates at a time of day.

pub mod clock;
pub mod zone;

pub use clock::Clock;
pub use zone::Zone;

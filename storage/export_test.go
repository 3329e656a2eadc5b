package storage

// Hooks for the tests of package storage_test.

// QueueLen returns the number of Updates waiting for the writer.
func (db *DB) QueueLen() int { return len(db.queue) }

// Watchers returns the number of live watchers.
func (db *DB) Watchers() int { return db.watch.watchers() }

// WatchBuffer is the capacity of a watcher's channel.
const WatchBuffer = watchBuffer

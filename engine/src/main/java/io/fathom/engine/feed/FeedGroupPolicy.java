package io.fathom.engine.feed;

/** What a feed group does when one of its feeds fails for good. */
public enum FeedGroupPolicy
{
    /** The failure is recorded on the group; the other feeds go on. */
    ISOLATE,
    /** The first failure cancels every other feed of the group and fails the group with all causes. */
    FAIL_FAST
}

package io.walrusj.indexer.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.indexer.status.BlobStatus;
import io.walrusj.indexer.store.BlobObjectEntity;
import io.walrusj.indexer.store.BlobStatusEntity;
import io.walrusj.indexer.store.CommitteeMemberEntity;
import io.walrusj.indexer.store.EpochEntity;
import io.walrusj.indexer.store.EventEntity;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** The JSON shapes of the REST API. */
final class Views {

    private Views() {
    }

    @Schema(description = "Sui event ID")
    record EventRef(String txDigest, @Schema(description = "u64 as a decimal string") String eventSeq) {
        static EventRef of(String txDigest, Long seq) {
            return txDigest == null ? null : new EventRef(txDigest, Long.toUnsignedString(seq));
        }
    }

    @Schema(description = "The Walrus BlobStatus of a blob ID as of the current epoch")
    record BlobStatusView(
            String blobId,
            @Schema(description = "the epoch the status holds for (the current epoch)") long epoch,
            @Schema(description = "Walrus BlobStatus JSON: \"nonexistent\", {\"invalid\":{\"event\"}}, "
                    + "{\"permanent\":{\"endEpoch\",\"isCertified\",\"statusEvent\",\"deletableCounts\","
                    + "\"initialCertifiedEpoch\"}} or {\"deletable\":{\"initialCertifiedEpoch\",\"deletableCounts\"}}")
            Object status,
            @Schema(description = "Blob objects ever registered with this blob ID") int objectCount,
            @Schema(description = "event-log position of the last event that changed the status") long updatedEventId) {

        static BlobStatusView of(BlobStatusEntity e) {
            BlobStatus s = new BlobStatus(BlobStatus.Kind.fromWire(e.status()), e.certified(), e.endEpoch(),
                    eventId(e.statusTxDigest(), e.statusEventSeq()), e.initialCertifiedEpoch(),
                    e.countDeletableTotal(), e.countDeletableCertified(),
                    eventId(e.invalidTxDigest(), e.invalidEventSeq()), e.objectCount(), e.computedEpoch());
            return new BlobStatusView(e.blobId(), e.computedEpoch(), s.toWalrusJson(), e.objectCount(),
                    e.updatedEventId());
        }

        private static EventId eventId(String digest, Long seq) {
            return digest == null ? null : new EventId(digest, seq);
        }
    }

    @Schema(description = "A Walrus Blob object")
    record BlobObjectView(
            String objectId,
            String blobId,
            @Schema(description = "the account that registered the blob (sender of the BlobRegistered transaction); "
                    + "Blob objects can be transferred later, which the event stream does not show") String owner,
            Long registeredEpoch,
            @Schema(description = "null until certified") Long certifiedEpoch,
            @Schema(description = "exclusive: stored for epochs < endEpoch") long endEpoch,
            boolean deletable,
            @Schema(description = "unencoded size in bytes (u64 as a decimal string)") String size,
            Integer encodingType,
            boolean deleted,
            boolean invalid,
            @Schema(description = "endEpoch <= current epoch") boolean expired,
            Long registeredEventId,
            long lastEventId,
            EventRef lastEvent) {

        static BlobObjectView of(BlobObjectEntity o, long currentEpoch) {
            return new BlobObjectView(o.objectId(), o.blobId(), o.owner(), o.registeredEpoch(), o.certifiedEpoch(),
                    o.endEpoch(), o.deletable(), o.size() == null ? null : Long.toUnsignedString(o.size()),
                    o.encodingType() == null ? null : o.encodingType().intValue(), o.deleted(), o.invalid(),
                    o.endEpoch() <= currentEpoch, o.registeredEventId(), o.lastEventId(),
                    EventRef.of(o.lastTxDigest(), o.lastEventSeq()));
        }
    }

    record BlobObjectsView(String blobId, List<BlobObjectView> objects) {
    }

    record OwnerObjectsView(
            String owner,
            List<BlobObjectView> objects,
            @Schema(description = "pass as ?after= for the next page; null on the last page") String nextAfter) {
    }

    @Schema(description = "An epoch as seen in the event stream")
    record EpochView(
            long epoch,
            @Schema(description = "EPOCH_CHANGE_SYNC, EPOCH_CHANGE_DONE, NEXT_PARAMS_SELECTED or OBSERVED") String state,
            EventRef startEvent,
            Long startEventId,
            Long startedAtMs,
            Long doneEventId,
            Long doneAtMs,
            Long paramsSelectedEventId,
            @Schema(description = "shards reported by ShardsReceived events") int shardsReceived,
            boolean committeeKnown) {

        static EpochView of(EpochEntity e) {
            return new EpochView(e.epoch(), e.state(), EventRef.of(e.startTxDigest(), e.startEventSeq()),
                    e.startEventId(), e.startedAtMs(), e.doneEventId(), e.doneAtMs(), e.paramsSelectedEventId(),
                    e.shardsReceived(), e.committeeKnown());
        }
    }

    record CommitteeMemberView(String nodeId, List<Integer> shards, int shardCount, Long shardsReceivedEventId) {
        static CommitteeMemberView of(CommitteeMemberEntity m) {
            return new CommitteeMemberView(m.nodeId(), Arrays.stream(m.shards()).boxed().toList(), m.shardCount(),
                    m.shardsReceivedEventId());
        }
    }

    record CommitteeView(long epoch, int shardCount, List<CommitteeMemberView> members) {
    }

    @Schema(description = "An event of the log")
    record EventView(
            @Schema(description = "1-based position in the Walrus event stream, without gaps") long id,
            String txDigest,
            @Schema(description = "u64 as a decimal string") String eventSeq,
            String type,
            String name,
            String sender,
            Long timestampMs,
            @Schema(description = "the fields as Sui renders parsedJson; null for unknown events", type = "object")
            @JsonRawValue String json,
            @Schema(description = "the event's BCS, base64") String bcs) {

        static EventView of(EventEntity e) {
            return new EventView(e.id(), e.txDigest(), Long.toUnsignedString(e.eventSeq()), e.type(), e.name(),
                    e.sender(), e.timestampMs(), e.json(), Base64.getEncoder().encodeToString(e.bcs()));
        }
    }

    record EventsView(
            List<EventView> events,
            @Schema(description = "pass as ?after= for the next page (the last id, or the given after if none)") long next) {
    }

    record IndexerView(String stream,
            @Schema(description = "committed follower cursor: \"checkpoint:<seq>[:<position>]\" (gRPC) or "
                    + "\"event:<txDigest>:<eventSeq>\" (legacy JSON-RPC); null before the first commit") String cursor,
            EventRef lastEvent, long lastEventId, String followerState, String network,
            String packageId) {
    }
}

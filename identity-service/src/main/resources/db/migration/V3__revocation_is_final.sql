-- Defence in depth below the service's own checks: a revoked agent never changes again (only the publisher's
-- bookkeeping may move), and no version ever goes back, so a bug or a hand-made update cannot resurrect one.
create function agent_guard() returns trigger language plpgsql as $$
begin
    if new.version < old.version or new.published_version < old.published_version then
        raise exception 'agent %: versions never decrease', old.did;
    end if;
    if old.status = 'revoked' and (new.status <> 'revoked'
            or new.client_id <> old.client_id
            or new.owner <> old.owner
            or new.allowed_upstreams <> old.allowed_upstreams
            or new.max_trust_level <> old.max_trust_level
            or new.version <> old.version) then
        raise exception 'agent % is revoked; revocation is final', old.did;
    end if;
    return new;
end;
$$;

create trigger agent_guard before update on agent for each row execute function agent_guard();

create function agent_never_deleted() returns trigger language plpgsql as $$
begin
    raise exception 'agent %: agents are revoked, never deleted, so that a DID and client id stay taken', old.did;
end;
$$;

create trigger agent_never_deleted before delete on agent for each row execute function agent_never_deleted();

import Outbound
import RedisClient

extension RedisError: CommandRefusal {}
